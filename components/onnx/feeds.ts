// Turns typed-in or CSV text into numbers for a model's input fields, and rows of numbers into the
// tensors (name, type, dims, data) onnxruntime runs on. Messages name the field that was wrong.
import type { Field, InputLayout, NumericType } from './input-layout';

export type FeedData = Float32Array | Float64Array | Int32Array | BigInt64Array;

export interface Feed {
  name: string;
  type: NumericType;
  dims: number[];
  data: FeedData;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INT32_MAX = 2 ** 31 - 1;

/** The value of one cell for an input of `type`, or why it is not one. */
export function parseValue(text: string, type: NumericType): { ok: true; value: number } | { ok: false; reason: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty, a number is needed' };
  const shown = trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
  if (!DECIMAL.test(trimmed)) return { ok: false, reason: `'${shown}' is not a number` };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, reason: `'${shown}' is too large` };
  if (type === 'int32' || type === 'int64') {
    if (!Number.isInteger(value)) return { ok: false, reason: `'${shown}' is not a whole number (the input is ${type})` };
    if (type === 'int32' ? Math.abs(value) > INT32_MAX : !Number.isSafeInteger(value)) return { ok: false, reason: `'${shown}' is out of range for ${type}` };
  }
  return { ok: true, value };
}

export type RowProblem = { field: Field; reason: string };

/** Values for `fields` in order; `texts[i]` belongs to `fields[i]`. Every problem, not just the first. */
export function parseRow(fields: readonly Field[], texts: readonly string[]): { ok: true; values: number[] } | { ok: false; problems: RowProblem[] } {
  const values: number[] = [];
  const problems: RowProblem[] = [];
  fields.forEach((field, i) => {
    const parsed = parseValue(texts[i] ?? '', field.type);
    if (parsed.ok) values.push(parsed.value);
    else problems.push({ field, reason: parsed.reason });
  });
  return problems.length ? { ok: false, problems } : { ok: true, values };
}

function typed(type: NumericType, values: number[]): FeedData {
  switch (type) {
    case 'float32':
      return Float32Array.from(values);
    case 'float64':
      return Float64Array.from(values);
    case 'int32':
      return Int32Array.from(values);
    case 'int64':
      return BigInt64Array.from(values, (v) => BigInt(v));
  }
}

/** The tensors for `rows` (each holding one number per layout field). Unbatched layouts take one row. */
export function buildFeeds(layout: Exclude<InputLayout, { kind: 'unsupported' }>, rows: readonly (readonly number[])[]): Feed[] {
  if (!layout.batched && rows.length !== 1) throw new Error(`This model takes one row per run, not ${rows.length}`);
  if (layout.kind === 'vector') {
    const { input } = layout;
    return [{ name: input.name, type: input.type, dims: input.dims(rows.length), data: typed(input.type, rows.flat()) }];
  }
  return layout.inputs.map((input, i) => ({ name: input.name, type: input.type, dims: input.dims(rows.length), data: typed(input.type, rows.map((r) => r[i])) }));
}
