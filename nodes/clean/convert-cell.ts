// Converts one cell between column types. Used by cast-columns, and to type the constants that
// users type into a form (a fill value, a filter operand) to the column they apply to.
import { assertNever } from '../../engine/assert-never';
import { isMissing, parseDatetime } from '../table/infer-column-type';
import type { CellValue } from '../table/table-from-columns';
import type { ColumnType } from '../values';
import { isMissingCell } from './cells';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const TRUE_WORDS = new Set(['true', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'no', '0']);

/** A converted cell, or `undefined` when the value does not fit the type (missing stays null). */
export type Converted = CellValue | undefined;

/**
 * Text: NA tokens (as in ingest) become missing; numbers are decimal; booleans are
 * true/false/yes/no/1/0 in any case; datetimes are ISO 8601 (UTC when no zone is given).
 * Numbers: 1/0 become booleans, and are read as epoch milliseconds for datetimes.
 * Datetimes become epoch milliseconds as numbers and ISO 8601 as text.
 */
export function convertCell(value: CellValue, from: ColumnType, to: ColumnType): Converted {
  if (isMissingCell(value)) return null;
  if (typeof value === 'string') return fromText(value, to);
  if (typeof value === 'boolean') return fromBoolean(value, to);
  return from === 'datetime' ? fromDatetime(value, to) : fromNumber(value, to);
}

/**
 * The JS type of a form value decides where it converts from. A datetime must be written as ISO
 * 8601 text: a bare number (a fill value of 0, say) would silently mean 1970-01-01.
 */
export function convertParam(value: string | number | boolean, to: ColumnType): Converted {
  if (to === 'datetime' && typeof value !== 'string') return undefined;
  const from: ColumnType = typeof value === 'number' ? 'numeric' : typeof value === 'boolean' ? 'boolean' : 'text';
  return convertCell(value, from, to);
}

function fromText(raw: string, to: ColumnType): Converted {
  if (to === 'categorical' || to === 'text') return raw;
  const trimmed = raw.trim();
  if (isMissing(trimmed)) return null;
  switch (to) {
    case 'numeric':
      return NUMBER.test(trimmed) ? Number(trimmed) : undefined;
    case 'boolean': {
      const word = trimmed.toLowerCase();
      return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : undefined;
    }
    case 'datetime': {
      const ms = parseDatetime(trimmed);
      return Number.isNaN(ms) ? undefined : ms;
    }
    default:
      return assertNever(to, 'column type');
  }
}

function fromBoolean(value: boolean, to: ColumnType): Converted {
  switch (to) {
    case 'numeric':
      return value ? 1 : 0;
    case 'boolean':
      return value;
    case 'categorical':
    case 'text':
      return String(value);
    case 'datetime':
      return undefined;
    default:
      return assertNever(to, 'column type');
  }
}

function fromNumber(value: number, to: ColumnType): Converted {
  switch (to) {
    case 'numeric':
      return value;
    case 'boolean':
      return value === 1 ? true : value === 0 ? false : undefined;
    case 'categorical':
    case 'text':
      return String(value);
    case 'datetime':
      return Number.isFinite(value) && Math.abs(value) <= 8.64e15 ? value : undefined;
    default:
      return assertNever(to, 'column type');
  }
}

function fromDatetime(ms: number, to: ColumnType): Converted {
  switch (to) {
    case 'numeric':
    case 'datetime':
      return ms;
    case 'categorical':
    case 'text':
      return new Date(ms).toISOString();
    case 'boolean':
      return undefined;
    default:
      return assertNever(to, 'column type');
  }
}
