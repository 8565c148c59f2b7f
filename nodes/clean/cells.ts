// Small facts about plain cells (see table/table-from-columns CellValue) shared by the clean nodes.
import type { CellValue } from '../table/table-from-columns';
import type { ColumnType } from '../values';

/** Missing is null, or NaN in a numeric column (Arrow tables from elsewhere may store NaN). */
export function isMissingCell(value: CellValue | undefined): value is null | undefined {
  return value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));
}

/** A cell as a user would write it in a message: text quoted, datetimes in ISO 8601. */
export function formatCell(value: CellValue | undefined, type: ColumnType): string {
  if (isMissingCell(value)) return '(missing)';
  if (type === 'datetime' && typeof value === 'number') {
    return Number.isFinite(value) ? new Date(value).toISOString() : String(value);
  }
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** 1-based row numbers, as the user counts rows, for the first `limit` positions. */
export function rowNumbers(positions: ArrayLike<number>, limit = 5): number[] {
  return Array.from({ length: Math.min(limit, positions.length) }, (_, i) => positions[i] + 1);
}
