// A regression model's residuals (actual − predicted): centre, spread, quantiles and a histogram.
import type { ResidualsSummary as Residuals } from '../../nodes/evaluate/metrics/residuals';
import { formatNumber } from '../ui/format';
import { MiniHistogram } from './MiniHistogram';
import { SectionTitle } from './SectionTitle';

export function ResidualsSummary({ residuals: r }: { residuals: Residuals }) {
  const quantiles: [string, number][] = [
    ['min', r.min],
    ['5%', r.p05],
    ['25%', r.p25],
    ['median', r.median],
    ['75%', r.p75],
    ['95%', r.p95],
    ['max', r.max],
  ];
  return (
    <section data-testid="residuals">
      <SectionTitle hint="actual − predicted; positive means the model predicted too low">Residuals</SectionTitle>
      <div className="flex items-end gap-4 rounded-md border border-zinc-200 px-3 py-2.5 text-xs">
        <dl className="grid flex-1 grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
          <dt className="text-zinc-500">Mean</dt>
          <dd className="font-medium text-zinc-900 tabular-nums">{formatNumber(r.mean)}</dd>
          <dt className="text-zinc-500">Std dev</dt>
          <dd className="font-medium text-zinc-900 tabular-nums">{formatNumber(r.std)}</dd>
        </dl>
        {r.histogram ? <MiniHistogram edges={r.histogram.edges} counts={r.histogram.counts} width={140} height={36} /> : null}
      </div>
      <table className="mt-1.5 w-full table-fixed text-center text-[11px]">
        <thead className="text-zinc-400">
          <tr>
            {quantiles.map(([name]) => (
              <th key={name} scope="col" className="font-normal">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="text-zinc-800 tabular-nums">
          <tr>
            {quantiles.map(([name, v]) => (
              <td key={name} className="truncate px-0.5" title={String(v)}>
                {formatNumber(v)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  );
}
