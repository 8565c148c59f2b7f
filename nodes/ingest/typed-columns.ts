// Arrow column data straight from typed arrays (no per-cell JS values), for generated tables of
// millions of rows. Same Arrow types, dictionary ids and buffer layout as table/table-from-columns.ts,
// so equal content gives equal bytes. No column here has missing values.
import {
  makeData,
  Utf8,
  vectorFromArray,
  type Bool,
  type Data,
  type Dictionary,
  type Float64,
  type Int32,
  type TimestampMillisecond,
} from 'apache-arrow';
import { arrowTypeFor } from '../table/table-from-columns';

export function numericData(values: Float64Array): Data<Float64> {
  return makeData({ type: arrowTypeFor('numeric', 0) as Float64, length: values.length, nullCount: 0, data: values });
}

export function datetimeData(epochMs: Float64Array): Data<TimestampMillisecond> {
  const values = new BigInt64Array(epochMs.length);
  for (let i = 0; i < epochMs.length; i++) values[i] = BigInt(epochMs[i]);
  return makeData({ type: arrowTypeFor('datetime', 0) as TimestampMillisecond, length: values.length, nullCount: 0, data: values });
}

/** Bit-packed, zero-padded to 64 bytes as Arrow's builders do. */
export function booleanData(values: Uint8Array): Data<Bool> {
  const bits = new Uint8Array(Math.ceil(Math.ceil(values.length / 8) / 64) * 64);
  for (let i = 0; i < values.length; i++) if (values[i]) bits[i >> 3] |= 1 << (i & 7);
  return makeData({ type: arrowTypeFor('boolean', 0) as Bool, length: values.length, nullCount: 0, data: bits });
}

/**
 * `codes` index `labels`. The dictionary keeps only the labels that occur, in order of first
 * appearance, as vectorFromArray would build it; `position` is the column's index in the table.
 */
export function categoricalData(codes: Uint8Array, labels: readonly string[], position: number): Data<Dictionary<Utf8, Int32>> {
  const remap = new Int32Array(labels.length).fill(-1);
  const used: string[] = [];
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    let code = remap[codes[i]];
    if (code < 0) {
      code = remap[codes[i]] = used.length;
      used.push(labels[codes[i]]);
    }
    out[i] = code;
  }
  const type = arrowTypeFor('categorical', position) as Dictionary<Utf8, Int32>;
  return makeData({ type, length: out.length, nullCount: 0, data: out, dictionary: vectorFromArray(used, new Utf8()) });
}

/** Text `${prefix}${row + 1}`, the number zero-padded to at least `width` digits (all ids the same length). */
export function numberedIdData(prefix: string, rows: number, width: number): Data<Utf8> {
  if (!/^[\x20-\x7e]*$/.test(prefix)) throw new Error(`numberedIdData: prefix "${prefix}" is not printable ASCII`);
  const digits = Math.max(width, String(rows).length);
  const size = prefix.length + digits;
  const data = new Uint8Array(rows * size);
  const offsets = new Int32Array(rows + 1);
  for (let k = 0; k < prefix.length; k++) data[k] = prefix.charCodeAt(k);
  for (let i = 0; i < rows; i++) {
    const at = i * size;
    if (i > 0) data.copyWithin(at, 0, prefix.length);
    for (let n = i + 1, k = size - 1; k >= prefix.length; k--, n = Math.floor(n / 10)) data[at + k] = 48 + (n % 10);
    offsets[i + 1] = at + size;
  }
  return makeData({ type: new Utf8(), length: rows, nullCount: 0, valueOffsets: offsets, data });
}
