'use client';
// Which CSV column feeds each model field, how that was decided, and a few of its values; every
// choice can be changed.
import type { ColumnChoice, MappingSource } from './csv-mapping';
import type { Field } from './input-layout';

const SOURCE_TEXT: Record<MappingSource, string> = {
  name: 'same name',
  position: 'numeric column, in order',
  chosen: 'chosen by you',
  none: 'no match',
};

interface MappingTableProps {
  fields: readonly Field[];
  header: readonly string[];
  sample: readonly (readonly string[])[];
  mapping: readonly ColumnChoice[];
  onChange: (mapping: ColumnChoice[]) => void;
  disabled?: boolean;
}

export function MappingTable({ fields, header, sample, mapping, onChange, disabled }: MappingTableProps) {
  return (
    <table className="w-full text-sm" data-testid="onnx-mapping">
      <thead>
        <tr className="border-b border-zinc-200 text-left text-xs text-zinc-500">
          <th className="py-1.5 pr-3 font-medium">Model input</th>
          <th className="py-1.5 pr-3 font-medium">CSV column</th>
          <th className="py-1.5 pr-3 font-medium">Matched by</th>
          <th className="py-1.5 font-medium">First values</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field, i) => {
          const choice = mapping[i];
          const column = choice?.column ?? null;
          return (
            <tr key={`${field.input}-${field.index}`} className="border-b border-zinc-100 last:border-0" data-testid={`onnx-mapping-row-${i}`}>
              <td className="py-1.5 pr-3 font-mono text-xs text-zinc-900">{field.label}</td>
              <td className="py-1.5 pr-3">
                <select
                  aria-label={`CSV column for ${field.label}`}
                  className="h-8 w-full max-w-56 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 focus:outline-none"
                  value={column === null ? '' : String(column)}
                  disabled={disabled}
                  onChange={(e) =>
                    onChange(mapping.map((c, j) => (j === i ? (e.target.value === '' ? { column: null, source: 'none' } : { column: Number(e.target.value), source: 'chosen' }) : c)))
                  }
                >
                  <option value="">— choose —</option>
                  {header.map((h, c) => (
                    <option key={c} value={c}>
                      {h || `(column ${c + 1})`}
                    </option>
                  ))}
                </select>
              </td>
              <td className={`py-1.5 pr-3 text-xs ${choice?.source === 'none' ? 'text-amber-700' : 'text-zinc-500'}`}>{SOURCE_TEXT[choice?.source ?? 'none']}</td>
              <td className="max-w-48 truncate py-1.5 font-mono text-xs text-zinc-500">
                {column === null
                  ? '—'
                  : sample
                      .slice(0, 3)
                      .map((r) => r[column] ?? '')
                      .join(', ')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
