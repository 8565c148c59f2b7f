// Guesses a column type from its raw text cells, and converts the cells once the type is known.
import { assertNever } from '../../engine/assert-never';
import type { ColumnType } from '../values';
import type { CellValue } from './table-from-columns';

const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '?']);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BOOLEAN = new Set(['true', 'false']);
/** ISO 8601 date, optionally with a time and a zone; a time without a zone is read as UTC. */
const DATETIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A text column with at most this many distinct values (and few relative to its rows) is categorical. */
export const MAX_CATEGORIES = 50;

export function isMissing(raw: string): boolean {
  return MISSING.has(raw.trim().toLowerCase());
}

/**
 * Numeric if every present cell is a decimal number, then boolean (true/false), then datetime
 * (ISO 8601); otherwise categorical when values repeat (distinct ≤ 50 and ≤ half the present
 * cells), else text. A column with no present cell is text.
 */
export function inferColumnType(values: readonly string[]): ColumnType {
  const present = values.map((v) => v.trim()).filter((v) => !MISSING.has(v.toLowerCase()));
  if (present.length === 0) return 'text';
  if (present.every((v) => NUMBER.test(v))) return 'numeric';
  if (present.every((v) => BOOLEAN.has(v.toLowerCase()))) return 'boolean';
  if (present.every((v) => !Number.isNaN(parseDatetime(v)))) return 'datetime';
  const distinct = new Set(present).size;
  return distinct <= Math.min(MAX_CATEGORIES, Math.max(2, present.length / 2)) ? 'categorical' : 'text';
}

/** Converts raw cells to the given type; returns the index of the first cell that does not fit, if any. */
export function parseCells(
  type: ColumnType,
  values: readonly string[],
): { cells: CellValue[]; badIndex: number | null } {
  const cells: CellValue[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const raw = values[i].trim();
    if (MISSING.has(raw.toLowerCase())) {
      cells[i] = null;
      continue;
    }
    const cell = parseCell(type, raw);
    if (cell === undefined) return { cells, badIndex: i };
    cells[i] = cell;
  }
  return { cells, badIndex: null };
}

function parseCell(type: ColumnType, raw: string): CellValue | undefined {
  switch (type) {
    case 'numeric':
      return NUMBER.test(raw) ? Number(raw) : undefined;
    case 'boolean':
      return BOOLEAN.has(raw.toLowerCase()) ? raw.toLowerCase() === 'true' : undefined;
    case 'datetime': {
      const ms = parseDatetime(raw);
      return Number.isNaN(ms) ? undefined : ms;
    }
    case 'categorical':
    case 'text':
      return raw;
    default:
      return assertNever(type, 'column type');
  }
}

/** Epoch milliseconds, or NaN (also for impossible dates like 2021-02-30). Never depends on the machine's time zone. */
export function parseDatetime(raw: string): number {
  const match = DATETIME.exec(raw);
  if (!match) return Number.NaN;
  const [, date, time, zone] = match;
  if (!isCalendarDate(date)) return Number.NaN;
  if (time === undefined) return Date.parse(`${date}T00:00:00Z`);
  return Date.parse(`${date}T${time}${zone === undefined ? 'Z' : normaliseZone(zone)}`);
}

function isCalendarDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

function normaliseZone(zone: string): string {
  return zone === 'Z' || zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}
