'use client';
// A table artifact: its size, then either its rows (a virtualised grid, fetched page by page) or a
// profile of every column (computed on the server), one click apart.
import { useState } from 'react';
import { formatNumber } from '../ui/format';
import { ExportMenu } from './ExportMenu';
import { TableColumnStats } from './TableColumnStats';
import type { TablePage } from './use-table-pages';
import { MAX_BROWSABLE_ROWS, VirtualTable } from './VirtualTable';

export interface TablePreviewData extends TablePage {
  columns: { name: string; type: string; role: string }[];
}

type View = 'rows' | 'columns';

/** `name` names the exported files (a dataset's name and version, say); the artifact id otherwise. */
export function TablePreview({ id, data, name }: { id: string; data: TablePreviewData; name?: string }) {
  const [view, setView] = useState<View>('rows');
  const { rowCount, columns } = data;
  return (
    <div>
      <div className="mb-1.5 flex items-center gap-2">
        <p className="text-xs text-zinc-500" data-testid="table-row-count">
          {rowCount.toLocaleString()} rows × {columns.length.toLocaleString()} columns
          {rowCount > MAX_BROWSABLE_ROWS ? ` · first ${formatNumber(MAX_BROWSABLE_ROWS)} browsable` : ''}
        </p>
        <div className="ml-auto">
          <ExportMenu id={id} name={name} />
        </div>
        <div role="tablist" aria-label="Table view" className="inline-flex rounded-md bg-zinc-100 p-0.5">
          <ViewTab view="rows" current={view} onChoose={setView}>
            Rows
          </ViewTab>
          <ViewTab view="columns" current={view} onChoose={setView}>
            Column stats
          </ViewTab>
        </div>
      </div>
      {view === 'rows' ? <VirtualTable id={id} first={data} columns={columns} /> : <TableColumnStats id={id} />}
    </div>
  );
}

function ViewTab({ view, current, onChoose, children }: { view: View; current: View; onChoose: (v: View) => void; children: string }) {
  const selected = view === current;
  return (
    <button
      type="button"
      role="tab"
      aria-selected={selected}
      onClick={() => onChoose(view)}
      data-testid={`table-view-${view}`}
      className={`rounded px-2 py-0.5 text-[11px] font-medium ${selected ? 'bg-white text-zinc-900 shadow-sm' : 'text-zinc-500 hover:text-zinc-800'}`}
    >
      {children}
    </button>
  );
}
