// Reads one raw table column for the preprocessing: numbers as a Float64Array (NaN = missing),
// categories as strings (null = missing). Serving tables may type a column differently from
// training (text digits from a JSON request), so values are coerced where the meaning is clear.
import { DataType, type Table } from 'apache-arrow';
import { UserError } from '../../engine/errors';

const MS_PER_DAY = 86_400_000;

function column(table: Table, name: string) {
  const vector = table.getChild(name);
  if (vector === null) {
    throw new UserError(`The table has no column "${name}", which the model needs as an input`, { column: name });
  }
  return vector;
}

/** Numbers, or epoch days for a datetime column. Non-finite values count as missing. */
export function readNumeric(table: Table, name: string, source: 'numeric' | 'datetime'): Float64Array {
  const vector = column(table, name);
  if (source === 'numeric' && DataType.isFloat(vector.type) && vector.nullCount === 0) {
    const raw = vector.toArray() as ArrayLike<number>;
    const values = raw instanceof Float64Array ? raw.slice() : Float64Array.from(raw);
    for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) values[i] = NaN;
    return values;
  }
  const out = new Float64Array(vector.length);
  for (let i = 0; i < out.length; i++) {
    const x = toNumber(vector.get(i), name, i);
    out[i] = source === 'datetime' ? x / MS_PER_DAY : x;
  }
  return out;
}

function toNumber(value: unknown, name: string, row: number): number {
  if (value === null || value === undefined) return NaN;
  let x: number;
  if (typeof value === 'number') x = value;
  else if (typeof value === 'bigint') x = Number(value);
  else if (typeof value === 'boolean') x = value ? 1 : 0;
  else if (value instanceof Date) x = value.getTime();
  else if (typeof value === 'string') {
    if (value.trim() === '') return NaN;
    x = Number(value);
    if (Number.isNaN(x)) {
      throw new UserError(`Column "${name}", row ${row + 1}: "${value}" is not a number`, { column: name, row: row + 1 });
    }
  } else {
    throw new UserError(`Column "${name}", row ${row + 1}: cannot read a number from it`, { column: name, row: row + 1 });
  }
  return Number.isFinite(x) ? x : NaN;
}

/** Category text; booleans read as "true"/"false" and numbers as JavaScript prints them. */
export function readCategorical(table: Table, name: string): (string | null)[] {
  const vector = column(table, name);
  const out: (string | null)[] = new Array(vector.length);
  for (let i = 0; i < out.length; i++) {
    const value: unknown = vector.get(i);
    if (value === null || value === undefined) out[i] = null;
    else if (typeof value === 'string') out[i] = value;
    else if (typeof value === 'number') out[i] = Number.isNaN(value) ? null : String(value);
    else if (value instanceof Date) out[i] = value.toISOString();
    else out[i] = String(value);
  }
  return out;
}
