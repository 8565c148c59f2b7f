// Counting, filling and dropping missing cells (null, or NaN in numeric columns).
import type { CellValue } from '../table/table-from-columns';
import { isMissingCell } from './cells';

export function countMissing(values: ArrayLike<CellValue>): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (isMissingCell(values[i])) count++;
  return count;
}

export function fillMissing(values: ArrayLike<CellValue>, constant: CellValue): { values: CellValue[]; filled: number } {
  let filled = 0;
  const out = Array.from(values, (value) => {
    if (!isMissingCell(value)) return value;
    filled++;
    return constant;
  });
  return { values: out, filled };
}

/** Positions of the rows with no missing cell in any of `columns`, in row order. */
export function completeRows(columns: readonly ArrayLike<CellValue>[], rows: number): Int32Array {
  const kept: number[] = [];
  for (let i = 0; i < rows; i++) if (!columns.some((values) => isMissingCell(values[i]))) kept.push(i);
  return Int32Array.from(kept);
}
