// The first rows of a table artifact, with each column's type and role, and the total row count.
import { formatNumber } from '../ui/format';
import { ColumnBadges } from './ColumnBadges';

export interface TablePreviewData {
  rowCount: number;
  columns: { name: string; type: string; role: string }[];
  rows: unknown[][];
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function TablePreview({ data }: { data: TablePreviewData }) {
  const { rowCount, columns, rows } = data;
  return (
    <div>
      <p className="mb-1.5 text-xs text-zinc-500" data-testid="table-row-count">
        {rowCount.toLocaleString()} rows × {columns.length} columns{rows.length < rowCount ? ` · first ${rows.length} shown` : ''}
      </p>
      <div className="max-h-80 overflow-auto rounded-md border border-zinc-200">
        <table className="min-w-full text-xs" data-testid="table-preview">
          <thead className="sticky top-0 z-10 bg-zinc-50 text-left">
            <tr>
              {columns.map((c) => (
                <th key={c.name} scope="col" className="border-b border-zinc-200 px-2.5 py-1.5 align-bottom font-medium whitespace-nowrap text-zinc-800">
                  <div>{c.name}</div>
                  <ColumnBadges type={c.type} role={c.role} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {rows.map((row, r) => (
              <tr key={r} className="hover:bg-zinc-50/80">
                {row.map((v, c) => (
                  <td key={c} className={`px-2.5 py-1 whitespace-nowrap ${v === null || v === undefined ? 'bg-amber-50/60' : ''} ${typeof v === 'number' ? 'text-right tabular-nums' : ''}`}>
                    {cell(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
