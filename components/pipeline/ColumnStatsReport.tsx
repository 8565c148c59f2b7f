'use client';
// A column-stats report: one row per column with type, missing values, a summary and a histogram.
// Long reports (hundreds of columns) are virtualised; short ones render whole, so every column
// can be found with the browser's own search.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { formatNumber } from '../ui/format';
import { ColumnBadges } from './ColumnBadges';
import { MiniHistogram } from './MiniHistogram';

/** Statistics are null where undefined (no values); datetimes give min and max as ISO text. */
export interface ColumnStats {
  name: string;
  type: string;
  role: string;
  count: number;
  missing: number;
  mean?: number | null;
  std?: number | null;
  min?: number | string | null;
  max?: number | string | null;
  p50?: number | null;
  histogram?: { edges: number[]; counts: number[] };
  distinct?: number;
  top?: { value: unknown; count: number }[];
}

const ROW_PX = 46;
/** Up to this many columns every row is rendered. */
const RENDER_ALL_UP_TO = 60;

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
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = report.columns.length;
  const virtual = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_PX,
    overscan: count <= RENDER_ALL_UP_TO ? count : 6,
    // Rows sit in a real table, so they are measured rather than forced to one height.
    measureElement: (el) => el.getBoundingClientRect().height,
  });
  const items = virtual.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = items.length > 0 ? virtual.getTotalSize() - items[items.length - 1].end : 0;
  return (
    <div data-testid="column-stats">
      <p className="mb-1.5 text-xs text-zinc-500">
        {report.title}
        {[String(report.rows), report.rows.toLocaleString()].some((n) => report.title.includes(n)) ? '' : ` · ${formatNumber(report.rows)} rows · ${report.columns.length} columns`}
      </p>
      <div ref={scrollRef} className="max-h-[420px] overflow-auto rounded-md border border-zinc-200">
        <table className="w-full table-fixed text-xs">
          {/* Three columns, missing values under the name: the side panel is narrow, names need room. */}
          <colgroup>
            <col />
            <col className="w-[124px]" />
            <col className="w-[96px]" />
          </colgroup>
          <thead className="sticky top-0 z-10 bg-zinc-50 text-left text-[11px] text-zinc-500">
            <tr className="border-b border-zinc-200">
              <th scope="col" className="px-2.5 py-1.5 font-medium">Column · missing</th>
              <th scope="col" className="px-2 py-1.5 font-medium">Summary</th>
              <th scope="col" className="px-2.5 py-1.5 font-medium">
                <span className="sr-only">Distribution</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {before > 0 ? <tr aria-hidden style={{ height: before }} /> : null}
            {items.map((item) => (
              <StatsRow key={report.columns[item.index].name} column={report.columns[item.index]} index={item.index} measure={virtual.measureElement} />
            ))}
            {after > 0 ? <tr aria-hidden style={{ height: after }} /> : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function StatsRow({ column: c, index, measure }: { column: ColumnStats; index: number; measure: (el: HTMLTableRowElement | null) => void }) {
  return (
    <tr className="align-top" data-index={index} ref={measure}>
      <td className="px-2.5 py-2">
        <div className="truncate font-medium text-zinc-800" title={c.name}>
          {c.name}
        </div>
        <ColumnBadges type={c.type} role={c.role} />
        <div className={`mt-0.5 tabular-nums ${c.missing > 0 ? 'text-amber-700' : 'text-zinc-400'}`}>{formatMissing(c)}</div>
      </td>
      <td className="overflow-hidden px-2 py-2 text-zinc-600">
        <Summary column={c} />
      </td>
      <td className="px-2.5 py-2">{c.histogram ? <MiniHistogram edges={c.histogram.edges} counts={c.histogram.counts} /> : <TopBars column={c} />}</td>
    </tr>
  );
}

function formatMissing(c: ColumnStats): string {
  if (c.missing === 0) return 'none missing';
  const total = c.count + c.missing;
  const share = total > 0 ? ` (${Math.max(1, Math.round((c.missing / total) * 100))}%)` : '';
  return `${formatNumber(c.missing)} missing${share}`;
}

function Summary({ column: c }: { column: ColumnStats }) {
  if (typeof c.min === 'string' || typeof c.max === 'string') {
    return (
      <div className="space-y-0.5 whitespace-nowrap tabular-nums" title="earliest and latest">
        <div>{typeof c.min === 'string' ? c.min.slice(0, 10) : '—'}</div>
        <div>
          <span className="text-zinc-400">to</span> {typeof c.max === 'string' ? c.max.slice(0, 10) : '—'}
        </div>
      </div>
    );
  }
  if (c.mean !== undefined || c.min !== undefined) {
    return (
      <div className="space-y-0.5 whitespace-nowrap tabular-nums">
        <div title="mean">
          <span className="text-zinc-400">μ</span> {formatNumber(c.mean)}
        </div>
        <div title="standard deviation">
          <span className="text-zinc-400">σ</span> {formatNumber(c.std)}
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
