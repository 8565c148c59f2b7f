// A table as user code sees it: one batch per column. Numbers and datetimes (epoch ms) are
// Float64Array with NaN for missing, text and categories arrays of strings, booleans arrays of
// booleans, null for missing. Read straight from Arrow's buffers for Float64 columns, so a
// million-row column costs one copy.
import { Float64, type Data, type Table } from 'apache-arrow';
import type { CodeColumn } from '../../engine/code-sandbox';
import { readColumn } from '../table/read-column';
import type { ColumnInfo, TableValue } from '../values';

export function columnsForCode(input: TableValue): Record<string, CodeColumn> {
  const out: Record<string, CodeColumn> = {};
  for (const info of input.columns) out[info.name] = columnForCode(input.table, info);
  return out;
}

function columnForCode(table: Table, info: ColumnInfo): CodeColumn {
  const vector = table.getChild(info.name);
  if (vector === null) throw new Error(`No column "${info.name}" in the table`);
  switch (info.type) {
    case 'numeric':
      if (vector.type instanceof Float64) return float64Column(vector.data as Data<Float64>[], vector.length);
      return Float64Array.from(readColumn(table, info.name), (v) => (typeof v === 'number' ? v : NaN));
    case 'datetime':
      return Float64Array.from(readColumn(table, info.name), (v) => (typeof v === 'number' ? v : NaN));
    case 'boolean':
      return readColumn(table, info.name).map((v) => (typeof v === 'boolean' ? v : null));
    case 'categorical':
    case 'text':
      return readColumn(table, info.name).map((v) => (v === null ? null : String(v)));
  }
}

function float64Column(chunks: readonly Data<Float64>[], length: number): Float64Array {
  const out = new Float64Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk.values.subarray(chunk.offset, chunk.offset + chunk.length), at);
    if (chunk.nullCount > 0) {
      const bits = chunk.nullBitmap!;
      for (let i = 0; i < chunk.length; i++) {
        const bit = chunk.offset + i;
        if ((bits[bit >> 3] & (1 << (bit & 7))) === 0) out[at + i] = NaN;
      }
    }
    at += chunk.length;
  }
  return out;
}
