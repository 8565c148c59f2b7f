'use client';
// A table artifact's rows as a grid virtualised both ways: only the cells in view (and a few
// around them) exist in the DOM, so a million rows or 500 columns scroll as lightly as ten.
// Row numbers stay on the left and column names on top while scrolling; the ARIA table roles
// and indexes tell assistive technology the full size, not just what is rendered.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { InlineError } from '../ui/InlineError';
import { ColumnBadges } from './ColumnBadges';
import { cellText, columnWidth, pagesFor } from './table-cells';
import { useTablePages, type TablePage } from './use-table-pages';

const ROW_PX = 24;
const HEADER_PX = 42;
const GUTTER_PX = 52;
/** Beyond this the scroll height nears what browsers can lay out; the rest is a download away. */
export const MAX_BROWSABLE_ROWS = 500_000;

interface Column {
  name: string;
  type: string;
  role: string;
}

export function VirtualTable({ id, first, columns }: { id: string; first: TablePage; columns: Column[] }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowCount = Math.min(first.rowCount, MAX_BROWSABLE_ROWS);
  const widths = useMemo(() => columns.map((c, i) => columnWidth(c, first.rows.map((r) => r[i]))), [columns, first.rows]);

  const rowsV = useVirtualizer({ count: rowCount, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_PX, overscan: 8, paddingStart: HEADER_PX });
  const colsV = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => widths[i],
    overscan: 2,
    paddingStart: GUTTER_PX,
  });
  const rows = rowsV.getVirtualItems();
  const cols = colsV.getVirtualItems();
  const pages = pagesFor(rows[0]?.index ?? 0, rows[rows.length - 1]?.index ?? -1, first.pageSize);
  const { row, error } = useTablePages(id, first, pages);

  return (
    <>
      <div
        ref={scrollRef}
        className="relative h-80 overflow-auto rounded-md border border-zinc-200 text-xs"
        role="table"
        aria-label="Table rows"
        aria-rowcount={rowCount + 1}
        aria-colcount={columns.length + 1}
        tabIndex={0}
        data-testid="table-preview"
      >
        <div className="relative" style={{ width: colsV.getTotalSize(), height: rowsV.getTotalSize() }}>
          <div role="row" aria-rowindex={1} className="sticky top-0 z-20 border-b border-zinc-200 bg-zinc-50" style={{ height: HEADER_PX, width: colsV.getTotalSize() }}>
            <div role="columnheader" aria-colindex={1} className="sticky left-0 z-10 flex h-full items-end bg-zinc-50 px-2 pb-1.5 text-[10px] text-zinc-400" style={{ width: GUTTER_PX }}>
              #
            </div>
            {cols.map((c) => (
              <div
                key={c.key}
                role="columnheader"
                aria-colindex={c.index + 2}
                className={`absolute top-0 flex h-full flex-col justify-end overflow-hidden px-2.5 pb-1 font-medium text-zinc-800 ${columns[c.index].type === 'numeric' ? 'items-end text-right' : 'items-start'}`}
                style={{ left: c.start, width: c.size }}
                title={columns[c.index].name}
              >
                <span className="max-w-full truncate">{columns[c.index].name}</span>
                <ColumnBadges type={columns[c.index].type} role={columns[c.index].role} />
              </div>
            ))}
          </div>
          {rows.map((r) => {
            const values = row(r.index);
            return (
              <div key={r.key} role="row" aria-rowindex={r.index + 2} className="absolute left-0 border-b border-zinc-100 hover:bg-zinc-50/80" style={{ top: r.start, height: r.size, width: colsV.getTotalSize() }}>
                <div role="rowheader" aria-colindex={1} className="sticky left-0 z-10 h-full bg-white px-2 text-right leading-6 text-zinc-400 tabular-nums" style={{ width: GUTTER_PX }}>
                  {(r.index + 1).toLocaleString()}
                </div>
                {cols.map((c) => (
                  <Cell key={c.key} value={values?.[c.index]} loading={!values} index={c.index} left={c.start} width={c.size} />
                ))}
              </div>
            );
          })}
        </div>
      </div>
      <InlineError message={error} className="mt-1.5" />
    </>
  );
}

function Cell({ value, loading, index, left, width }: { value: unknown; loading: boolean; index: number; left: number; width: number }) {
  const missing = !loading && (value === null || value === undefined);
  const text = cellText(value);
  return (
    <div
      role="cell"
      aria-colindex={index + 2}
      aria-busy={loading || undefined}
      className={`absolute top-0 h-full truncate px-2.5 leading-6 whitespace-nowrap ${missing ? 'bg-amber-50/60' : ''} ${typeof value === 'number' ? 'text-right tabular-nums' : ''}`}
      style={{ left, width }}
      title={text.length > 12 ? text : undefined}
    >
      {loading ? <span aria-hidden className="inline-block h-2 w-3/5 animate-pulse rounded bg-zinc-100 align-middle" /> : text}
    </div>
  );
}
