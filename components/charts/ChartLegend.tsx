// A chart's legend in HTML under the plot: readable at small sizes, wraps, and can be selected.
import type { ReactNode } from 'react';

export interface LegendItem {
  key: string;
  color: string;
  /** A line for a series, a dot or ring for a marked point, a dashed line for a reference. */
  mark: 'line' | 'dot' | 'ring' | 'dash';
  text: ReactNode;
}

export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-0.5">
      {items.map((item) => (
        <li key={item.key} className="flex items-center gap-1.5">
          <Mark mark={item.mark} color={item.color} />
          <span>{item.text}</span>
        </li>
      ))}
    </ul>
  );
}

function Mark({ mark, color }: { mark: LegendItem['mark']; color: string }) {
  if (mark === 'dot') return <span aria-hidden className="size-2.5 shrink-0 rounded-full" style={{ background: color }} />;
  if (mark === 'ring') return <span aria-hidden className="size-3 shrink-0 rounded-full border-2" style={{ borderColor: color }} />;
  return <span aria-hidden className="w-3.5 shrink-0 border-t-2" style={{ borderColor: color, borderStyle: mark === 'dash' ? 'dashed' : 'solid' }} />;
}
