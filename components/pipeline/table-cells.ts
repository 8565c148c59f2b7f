// How a table preview shows cells and sizes columns, kept apart from the grid so it can be tested.
import { formatNumber } from '../ui/format';

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const CHAR_PX = 7;
const PADDING_PX = 22;
const CHIP_CHAR_PX = 6.2;
const CHIPS_PADDING_PX = 44;
export const MIN_COLUMN_PX = 72;
export const MAX_COLUMN_PX = 260;

/**
 * A column's width from its name, its type and role chips and the first rows' values: wide enough
 * for most values, never so wide that one long text hides its neighbours (it is cut, with the full
 * text on hover).
 */
export function columnWidth(column: { name: string; type: string; role: string }, sample: readonly unknown[]): number {
  let chars = column.name.length;
  for (const v of sample) chars = Math.max(chars, cellText(v).length);
  const chips = (column.type.length + column.role.length) * CHIP_CHAR_PX + CHIPS_PADDING_PX;
  return Math.min(MAX_COLUMN_PX, Math.max(MIN_COLUMN_PX, chars * CHAR_PX + PADDING_PX, chips));
}

/** The pages (of `pageSize` rows) that hold rows first..last, inclusive. */
export function pagesFor(first: number, last: number, pageSize: number): number[] {
  if (last < first) return [];
  const pages: number[] = [];
  for (let p = Math.floor(first / pageSize); p <= Math.floor(last / pageSize); p++) pages.push(p);
  return pages;
}
