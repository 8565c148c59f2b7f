// Which rows to keep when rows that agree on some columns are duplicates of each other.
import type { CellValue } from '../table/table-from-columns';
import { isMissingCell } from './cells';

/**
 * Positions of the first (or last) row of each group of equal rows, in row order. Missing cells
 * (null or NaN) equal each other; a number never equals text.
 */
export function uniqueRows(columns: readonly ArrayLike<CellValue>[], rows: number, keep: 'first' | 'last'): Int32Array {
  const keeper = new Map<string, number>();
  for (let i = 0; i < rows; i++) {
    const key = rowKey(columns, i);
    if (keep === 'last' || !keeper.has(key)) keeper.set(key, i);
  }
  return Int32Array.from(keeper.values()).sort();
}

function rowKey(columns: readonly ArrayLike<CellValue>[], row: number): string {
  return JSON.stringify(columns.map((values) => (isMissingCell(values[row]) ? null : values[row])));
}
