// A column-stats report: one row per column with type, missing values, a summary and a histogram.
import { formatNumber } from '../ui/format';
import { ColumnBadges } from './ColumnBadges';
import { MiniHistogram } from './MiniHistogram';

export interface ColumnStats {
  name: string;
  type: string;
  role: string;
  count: number;
  missing: number;
  mean?: number;
  std?: number;
  min?: number;
  max?: number;
  p50?: number;
  histogram?: { edges: number[]; counts: number[] };
  distinct?: number;
  top?: { value: unknown; count: number }[];
}

export interface ColumnStatsData {
  type: 'column-stats';
  title: string;
  rows: number;
  columns: ColumnStats[];
}

export function isColumnStatsReport(value: unknown): value is ColumnStatsData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { type?: unknown; columns?: unknown };
  return v.type === 'column-stats' && Array.isArray(v.columns);
}

export function ColumnStatsReport({ report }: { report: ColumnStatsData }) {
  return (
    <div data-testid="column-stats">
      <p className="mb-1.5 text-xs text-zinc-500">
        {report.title}
        {report.title.includes(String(report.rows)) ? '' : ` · ${formatNumber(report.rows)} rows · ${report.columns.length} columns`}
      </p>
      <div className="max-h-[420px] overflow-auto rounded-md border border-zinc-200">
        <table className="w-full table-fixed text-xs">
          <colgroup>
            <col />
            <col className="w-14" />
            <col className="w-[128px]" />
            <col className="w-[96px]" />
          </colgroup>
          <thead className="sticky top-0 z-10 bg-zinc-50 text-left text-[11px] text-zinc-500">
            <tr className="border-b border-zinc-200">
              <th scope="col" className="px-2.5 py-1.5 font-medium">Column</th>
              <th scope="col" className="px-2 py-1.5 text-right font-medium">Missing</th>
              <th scope="col" className="px-2 py-1.5 font-medium">Summary</th>
              <th scope="col" className="px-2.5 py-1.5 font-medium">
                <span className="sr-only">Distribution</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {report.columns.map((c) => (
              <tr key={c.name} className="align-top">
                <td className="px-2.5 py-2">
                  <div className="truncate font-medium text-zinc-800" title={c.name}>
                    {c.name}
                  </div>
                  <ColumnBadges type={c.type} role={c.role} />
                </td>
                <td className={`px-2 py-2 text-right tabular-nums ${c.missing > 0 ? 'text-amber-700' : 'text-zinc-400'}`}>{formatMissing(c)}</td>
                <td className="overflow-hidden px-2 py-2 text-zinc-600">
                  <Summary column={c} />
                </td>
                <td className="px-2.5 py-2">{c.histogram ? <MiniHistogram edges={c.histogram.edges} counts={c.histogram.counts} /> : <TopBars column={c} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function formatMissing(c: ColumnStats): string {
  if (c.missing === 0) return '0';
  const total = c.count + c.missing;
  return total > 0 ? `${c.missing} (${Math.round((c.missing / total) * 100)}%)` : String(c.missing);
}

function Summary({ column: c }: { column: ColumnStats }) {
  if (c.mean !== undefined || c.min !== undefined) {
    return (
      <div className="space-y-0.5 whitespace-nowrap tabular-nums">
        <div title="mean and standard deviation">
          <span className="text-zinc-400">μ</span> {formatNumber(c.mean)} <span className="text-zinc-400">σ</span> {formatNumber(c.std)}
        </div>
        <div title="minimum and maximum">
          {formatNumber(c.min)} <span className="text-zinc-400">–</span> {formatNumber(c.max)}
        </div>
      </div>
    );
  }
  const top = (c.top ?? []).slice(0, 3);
  return (
    <div className="space-y-0.5">
      {c.distinct !== undefined ? <div className="tabular-nums">{formatNumber(c.distinct)} distinct</div> : null}
      {top.length > 0 ? (
        <div className="truncate" title={top.map((t) => `${String(t.value)}: ${t.count}`).join(', ')}>
          {top.map((t, i) => (
            <span key={i}>
              {i > 0 ? ', ' : ''}
              {String(t.value)} <span className="text-zinc-400 tabular-nums">{t.count}</span>
            </span>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** For categorical columns: the share of the most common values as stacked bars. */
function TopBars({ column: c }: { column: ColumnStats }) {
  const top = (c.top ?? []).slice(0, 4);
  if (top.length === 0 || c.count === 0) return null;
  const max = Math.max(...top.map((t) => t.count), 1);
  return (
    <div className="flex w-20 flex-col gap-0.5" aria-hidden>
      {top.map((t, i) => (
        <div key={i} className="h-1.5 rounded-sm bg-pink-300" style={{ width: `${(t.count / max) * 100}%` }} title={`${String(t.value)}: ${t.count}`} />
      ))}
    </div>
  );
}
