// The request bodies a client sends an endpoint, built from the model's input columns and one row:
// the deployment page's snippets and its "try it" form use the same builders, so what is shown is
// what is sent. V2: one tensor per column (numeric FP64, boolean BOOL, everything else BYTES).
import type { ColumnInfo, ColumnType } from '../values';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

const V2_DATATYPE: Record<ColumnType, 'FP64' | 'BOOL' | 'BYTES'> = {
  numeric: 'FP64',
  boolean: 'BOOL',
  categorical: 'BYTES',
  text: 'BYTES',
  datetime: 'BYTES',
};

export function v2InferBody(columns: readonly ColumnInfo[], row: Row) {
  return { inputs: columns.map((c) => ({ name: c.name, shape: [1], datatype: V2_DATATYPE[c.type], data: [row[c.name] ?? null] })) };
}

export function mlflowInvocationsBody(columns: readonly ColumnInfo[], row: Row) {
  return { dataframe_records: [Object.fromEntries(columns.map((c) => [c.name, row[c.name] ?? null]))] };
}

export function v2InferPath(endpoint: string): string {
  return `/v2/models/${endpoint}/infer`;
}

export function invocationsPath(endpoint: string): string {
  return `/endpoints/${endpoint}/invocations`;
}

/** A typed-in value as the column wants it: "" is missing; a numeric column's text must be a number. */
export function parseCell(column: ColumnInfo, text: string): { ok: true; value: Cell } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  switch (column.type) {
    case 'numeric': {
      const n = Number(trimmed);
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: `${column.name} is numeric; "${text}" is not a number` };
    }
    case 'boolean':
      if (/^(true|false)$/i.test(trimmed)) return { ok: true, value: trimmed.toLowerCase() === 'true' };
      return { ok: false, message: `${column.name} is true or false, not "${text}"` };
    default:
      return { ok: true, value: text };
  }
}
