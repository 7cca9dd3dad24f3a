import type { ReactNode } from 'react';
import { formatDay as formatShopDay } from '@/lib/format';

/** "24 Nov" for a `YYYY-MM-DD` day in the reader's locale (the shop's day: a calendar date, shown without any zone shift). */
export function formatDay(day: string): string {
  return formatShopDay(day, 'short');
}

/**
 * The frame both charts share: the y-axis figures and the dates under the plot are HTML, not
 * SVG text, because the plot stretches to the card's width (preserveAspectRatio="none") and
 * SVG text would stretch with it.
 */
export function ChartFrame({ top, bottom, days, children }: { top: string; bottom: string; days: string[]; children: ReactNode }) {
  const middle = days[Math.floor((days.length - 1) / 2)];
  return (
    <div className="flex gap-2" aria-hidden="true">
      <div className="flex w-12 shrink-0 flex-col justify-between pb-5 text-right text-[11px] tabular-nums leading-none text-slate-500">
        <span>{top}</span>
        <span>{bottom}</span>
      </div>
      <div className="min-w-0 flex-1">
        <div className="h-36 border-b border-l border-slate-200 sm:h-40">{children}</div>
        <div className="mt-1.5 flex justify-between text-[11px] leading-none text-slate-500">
          <span>{days[0] && formatDay(days[0])}</span>
          <span className="hidden sm:inline">{middle && formatDay(middle)}</span>
          <span>{days.at(-1) && formatDay(days.at(-1)!)}</span>
        </div>
      </div>
    </div>
  );
}
