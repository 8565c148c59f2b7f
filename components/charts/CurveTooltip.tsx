// The tooltip of a threshold curve: which class, at what threshold, and both rates there.
import type { TooltipContentProps } from 'recharts';
import { formatThreshold } from '../pipeline/cost-words';
import { rowValue, type CurveRow } from './curve-rows';
import { seriesColor } from './palette';

type Props = Pick<TooltipContentProps, 'active' | 'payload'> & { labels: string[]; axes: { x: string; y: string } };

export function CurveTooltip({ active, payload, labels, axes }: Props) {
  const row = payload?.[0]?.payload as CurveRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="rounded-md border border-zinc-200 bg-white px-2.5 py-1.5 text-[11px] text-zinc-700 shadow-sm">
      {labels.length > 1 ? (
        <p className="flex items-center gap-1.5 font-medium text-zinc-900">
          <span aria-hidden className="size-2 rounded-full" style={{ background: seriesColor(row.series) }} />
          {labels[row.series]}
        </p>
      ) : null}
      <p>
        Threshold <span className="font-medium text-zinc-900 tabular-nums">{row.threshold === null ? 'none (nobody flagged)' : formatThreshold(row.threshold)}</span>
      </p>
      <p className="tabular-nums">
        {axes.y} <span className="font-medium text-zinc-900">{rowValue(row).toFixed(3)}</span>
      </p>
      <p className="tabular-nums">
        {axes.x} <span className="font-medium text-zinc-900">{row.x.toFixed(3)}</span>
      </p>
    </div>
  );
}
