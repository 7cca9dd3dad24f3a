import type { StockHistoryPoint } from '@/lib/inventory/get-product-stock-history';
import { formatInteger } from '@/lib/format';
import { ChartFrame, formatDay } from './chart-parts';

const SLOT = 10;
const HEIGHT = 100;

/**
 * On hand per day as a step area (stock changes in steps, not slopes), with the reorder level
 * as a dashed line so "when did it run low" is visible at a glance. Drawn on the server, like
 * DailyMovementsChart; screen readers get a summary and a table of the days it changed.
 */
export function StockHistoryChart({ points, reorderLevel, unit }: { points: StockHistoryPoint[]; reorderLevel: number; unit: string }) {
  const values = points.map((point) => point.onHand);
  const top = Math.max(...values, reorderLevel, 1);
  const width = points.length * SLOT;
  const y = (value: number) => HEIGHT - (Math.max(value, 0) / top) * HEIGHT;
  // Each day is a flat step across its slot.
  const steps = points.map((point, index) => `${index === 0 ? 'M' : 'L'}${index * SLOT},${y(point.onHand)} H${(index + 1) * SLOT}`).join(' ');
  const changes = points.filter((point, index) => index === 0 || point.onHand !== points[index - 1]!.onHand);
  const first = points[0]!;
  const last = points.at(-1)!;
  const lowest = Math.min(...values);
  const highest = Math.max(...values);
  const summary = `On hand was ${formatInteger(first.onHand)} on ${formatDay(first.day)} and is ${formatInteger(last.onHand)} ${unit} on ${formatDay(last.day)}; lowest ${formatInteger(lowest)}, highest ${formatInteger(highest)}; reorder level ${formatInteger(reorderLevel)}.`;

  return (
    <figure className="px-5 py-4" aria-label={`On hand over the last ${points.length} days. ${summary}`} data-testid="stock-history-chart">
      <div className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600" aria-hidden="true">
        <span className="inline-flex items-center gap-1.5">
          <span className="h-2.5 w-2.5 rounded-sm bg-brand-500" />
          On hand
        </span>
        {reorderLevel > 0 && (
          <span className="inline-flex items-center gap-1.5">
            <span className="w-3 border-t-2 border-dashed border-red-400" />
            Reorder level {formatInteger(reorderLevel)}
          </span>
        )}
      </div>
      <ChartFrame top={formatInteger(top)} bottom="0" days={points.map((point) => point.day)}>
        <svg viewBox={`0 0 ${width} ${HEIGHT}`} preserveAspectRatio="none" className="block h-full w-full overflow-visible">
          <path d={`${steps} V${HEIGHT} H0 Z`} className="fill-brand-500/15" />
          <path d={steps} fill="none" className="stroke-brand-600" strokeWidth="2" strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
          {reorderLevel > 0 && (
            <line x1="0" x2={width} y1={y(reorderLevel)} y2={y(reorderLevel)} className="stroke-red-400" strokeWidth="1.5" strokeDasharray="4 3" vectorEffect="non-scaling-stroke" />
          )}
          {points.map((point, index) => (
            <rect key={point.day} x={index * SLOT} y="0" width={SLOT} height={HEIGHT} fill="transparent">
              <title>{`${formatDay(point.day)}: ${formatInteger(point.onHand)} on hand`}</title>
            </rect>
          ))}
        </svg>
      </ChartFrame>
      <figcaption className="mt-3 text-xs text-slate-500">{summary}</figcaption>
      {/* The wrapper hides the table: a table never shrinks below its content, even when sr-only. */}
      <div className="sr-only">
      <table>
          <caption>On hand at the end of each day it changed, UTC</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">On hand</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((point) => (
              <tr key={point.day}>
                <th scope="row">{formatDay(point.day)}</th>
                <td>{point.onHand}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
