import type { DailyMovementTotals } from '@/lib/inventory/get-daily-movement-totals';
import { displayTimeZone, formatInteger } from '@/lib/format';
import { ChartFrame, formatDay } from './chart-parts';

const SLOT = 10;
const BAR = 7;
const HEIGHT = 100;

/**
 * Units in (up, green) and out (down, slate) per day, as a diverging bar chart drawn on the
 * server: two series and thirty bars need no charting runtime in the browser. Screen readers
 * get the summary as the figure's label and the figures as a table.
 */
export function DailyMovementsChart({ days }: { days: DailyMovementTotals[] }) {
  const totalIn = days.reduce((sum, day) => sum + day.unitsIn, 0);
  const totalOut = days.reduce((sum, day) => sum + day.unitsOut, 0);
  const movements = days.reduce((sum, day) => sum + day.movements, 0);
  const busiest = days.reduce((best, day) => (day.movements > best.movements ? day : best), days[0]!);
  const maxIn = Math.max(...days.map((day) => day.unitsIn));
  const maxOut = Math.max(...days.map((day) => day.unitsOut));
  const span = maxIn + maxOut || 1;
  const zero = (maxIn / span) * HEIGHT;
  const range = `${formatDay(days[0]!.day)} to ${formatDay(days.at(-1)!.day)}`;
  const summary =
    movements === 0
      ? `No stock moved from ${range}.`
      : `From ${range}: ${formatInteger(totalIn)} units in and ${formatInteger(totalOut)} units out over ${formatInteger(movements)} movements; busiest day ${formatDay(busiest.day)} with ${formatInteger(busiest.movements)}.`;

  return (
    <figure className="px-5 py-4" aria-label={`Units in and out per day. ${summary}`} data-testid="daily-movements-chart">
      <div className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600" aria-hidden="true">
        <span className="inline-flex items-center gap-1.5">
          <span className="h-2.5 w-2.5 rounded-sm bg-emerald-500" />
          In <strong className="font-semibold tabular-nums text-slate-900">{formatInteger(totalIn)}</strong>
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="h-2.5 w-2.5 rounded-sm bg-slate-400" />
          Out <strong className="font-semibold tabular-nums text-slate-900">{formatInteger(totalOut)}</strong>
        </span>
        <span className="text-slate-500">{formatInteger(movements)} movements</span>
      </div>
      <ChartFrame top={`${formatInteger(maxIn)} in`} bottom={`${formatInteger(maxOut)} out`} days={days.map((day) => day.day)}>
        <svg viewBox={`0 0 ${days.length * SLOT} ${HEIGHT}`} preserveAspectRatio="none" className="block h-full w-full overflow-visible">
          <line x1="0" x2={days.length * SLOT} y1={zero} y2={zero} className="stroke-slate-300" strokeWidth="1" vectorEffect="non-scaling-stroke" />
          {days.map((day, index) => {
            const x = index * SLOT + (SLOT - BAR) / 2;
            const up = (day.unitsIn / span) * HEIGHT;
            const down = (day.unitsOut / span) * HEIGHT;
            return (
              <g key={day.day}>
                <title>{`${formatDay(day.day)}: ${formatInteger(day.unitsIn)} in, ${formatInteger(day.unitsOut)} out, ${formatInteger(day.movements)} movements`}</title>
                {/* A transparent full-height slot so the tooltip shows on a quiet day too. */}
                <rect x={index * SLOT} y="0" width={SLOT} height={HEIGHT} fill="transparent" />
                {up > 0 && <rect x={x} y={zero - up} width={BAR} height={up} className="fill-emerald-500" />}
                {down > 0 && <rect x={x} y={zero} width={BAR} height={down} className="fill-slate-400" />}
              </g>
            );
          })}
        </svg>
      </ChartFrame>
      <figcaption className="mt-3 text-xs text-slate-500">{summary}</figcaption>
      {/* The wrapper hides the table: a table never shrinks below its content, even when sr-only. */}
      <div className="sr-only">
      <table>
          <caption>Units in and out per day, {displayTimeZone()}</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Units in</th>
              <th scope="col">Units out</th>
              <th scope="col">Movements</th>
            </tr>
          </thead>
          <tbody>
            {days
              .filter((day) => day.movements > 0)
              .map((day) => (
                <tr key={day.day}>
                  <th scope="row">{formatDay(day.day)}</th>
                  <td>{day.unitsIn}</td>
                  <td>{day.unitsOut}</td>
                  <td>{day.movements}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
