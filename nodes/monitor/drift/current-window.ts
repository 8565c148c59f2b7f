// The current window as columns, read from logged rows by the reference's feature list.
import { categoryCell, numericCell } from './reference-profile';
import type { FeatureReference } from './reference-types';

export type CurrentColumn =
  | { kind: 'numeric'; name: string; /** NaN marks a missing or non-numeric value. */ values: Float64Array; invalid: number }
  | { kind: 'categorical'; name: string; values: (string | null)[]; invalid: number };

/** One column per reference, from plain objects (logged inputs); a value of the wrong type counts as invalid and missing. */
export function columnsFromRows(references: readonly FeatureReference[], rows: readonly Record<string, unknown>[]): CurrentColumn[] {
  return references.map((ref) => columnFromCells(ref, rows.map((r) => r[ref.name])));
}

export function columnFromCells(ref: FeatureReference, cells: readonly unknown[]): CurrentColumn {
  let invalid = 0;
  if (ref.kind === 'numeric') {
    const values = new Float64Array(cells.length);
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      // Serving receives raw JSON; a numeric feature sent as a numeric string is still a number.
      const v = typeof cell === 'string' && cell.trim() !== '' ? Number(cell) : numericCell(cell);
      if (Number.isNaN(v) && cell !== null && cell !== undefined && !(typeof cell === 'number')) invalid++;
      values[i] = Number.isFinite(v) ? v : Number.NaN;
    }
    return { kind: 'numeric', name: ref.name, values, invalid };
  }
  const values = cells.map((cell) => {
    if (cell !== null && typeof cell === 'object') {
      invalid++;
      return null;
    }
    return categoryCell(cell);
  });
  return { kind: 'categorical', name: ref.name, values, invalid };
}
