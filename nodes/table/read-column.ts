// Reads an Arrow column back into plain JS cells (null for missing), the inverse of tableFromColumns.
import type { Table } from 'apache-arrow';
import type { CellValue } from './table-from-columns';

export function readColumn(table: Table, name: string): CellValue[] {
  const vector = table.getChild(name);
  if (vector === null) throw new Error(`No column "${name}" in the table`);
  return Array.from(vector, toCell);
}

function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}
