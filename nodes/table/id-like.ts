// Which ingested columns look like identifiers, so they get role id and stay out of the features:
// a model that one-hot encodes a customer id learns the rows by heart and nothing else.
import type { CellValue } from './table-from-columns';
import type { ColumnType } from '../values';

/** Below this many present values every column looks unique, so nothing is called an id. */
export const ID_MIN_VALUES = 20;
/** A column named like an id (`customer_id`, `orderId`, `uuid`) counts from this share of distinct values. */
export const NEARLY_UNIQUE = 0.95;
/** Unique integers without an id-like name count only when this dense: a row counter, not a price. */
export const DENSE_SPAN = 2;

const ID_WORDS = new Set(['id', 'uuid', 'guid', 'key']);

export interface IdEvidence {
  distinct: number;
  present: number;
  /** Why: every value differs, or a name like an id with nearly every value different. */
  reason: 'unique' | 'named';
}

/** True for `id`, `customer_id`, `order-id`, `customerId`, `CustomerID`, `row uuid`, `api_key`. */
export function hasIdName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return words.length > 0 && ID_WORDS.has(words[words.length - 1].toLowerCase());
}

export interface IdCandidate {
  name: string;
  type: ColumnType;
  length: number;
  get(i: number): CellValue;
  /** Missing cells, where the caller knows them without a pass (Arrow's null count); else counted. */
  nulls?: number;
  /** An upper bound on distinct values known without reading them (a dictionary's size). */
  distinctBound?: number;
}

/**
 * Text and categorical columns, and whole numbers, qualify; decimals, booleans and datetimes never
 * do. Most columns are settled within a few reads: the first decimal, or the first repeat too many.
 */
export function idEvidence(column: IdCandidate): IdEvidence | null {
  const { type, length, get } = column;
  if (type !== 'numeric' && type !== 'text' && type !== 'categorical') return null;
  const named = hasIdName(column.name);
  const present = length - (column.nulls ?? countMissing(column));
  if (present < ID_MIN_VALUES) return null;
  // Unnamed columns must be unique with no gap; named ones may repeat or miss a few values.
  const needed = named ? Math.ceil(present * NEARLY_UNIQUE) : length;
  if (present < needed || (column.distinctBound ?? Infinity) < needed) return null;
  const allowedRepeats = present - needed;
  const seen = new Set<CellValue>();
  let repeats = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < length; i++) {
    const value = get(i);
    if (missing(value)) {
      if (!named) return null;
      continue;
    }
    if (type === 'numeric') {
      if (typeof value !== 'number' || !Number.isInteger(value)) return null;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    // Stop at the first repeat too many, so a low-cardinality column costs a few reads, not a pass.
    if (seen.has(value) && ++repeats > allowedRepeats) return null;
    seen.add(value);
  }
  if (seen.size < needed) return null;
  if (!named && type === 'numeric' && max - min + 1 > DENSE_SPAN * present) return null;
  return { distinct: seen.size, present, reason: named ? 'named' : 'unique' };
}

function countMissing({ length, get }: IdCandidate): number {
  let count = 0;
  for (let i = 0; i < length; i++) if (missing(get(i))) count++;
  return count;
}

function missing(value: CellValue): boolean {
  return value === null || (typeof value === 'number' && Number.isNaN(value));
}
