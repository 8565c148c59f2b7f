// The prediction log's columnar blocks (table prediction_log_blocks): one writer batch's entries of
// one endpoint and version, as columns. A drift check over a million logged predictions reads a
// few thousand of these instead of a million rows of JSON text (docs/benchmarks.md, drift).
// Plain JavaScript, shared by the writer thread (which writes them) and the monitoring reader.
//
// Layout, little-endian: u32 header length, the header as UTF-8 JSON, zero padding to a multiple of
// 8, then Float64Arrays of n values each: rowids, created_at, latency_ms; then per column of the
// header (the inputs, in first-seen order, then the prediction) its kinds as n bytes padded to a
// multiple of 8 (left out when every cell is a number) and its numbers as n doubles. The header is
// { n, columns: [{ name, kinds, others }], prediction: { kinds, others } }: `kinds` says whether the
// kinds bytes are there, `others` holds the cells that are not numbers (an array of n, null where
// the cell is a number or missing) or is null when there are none.
// A cell is what JSON.parse gives back for the row's stored JSON text: CELL_MISSING (0, the key is
// absent), CELL_NUMBER (1, finite, -0 written as 0, as JSON text has it) or CELL_OTHER (2: a string,
// boolean, null or nested value, JSON-normalised: a number that is not finite reads back as null).

export const CELL_MISSING = 0;
export const CELL_NUMBER = 1;
export const CELL_OTHER = 2;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A column being filled, n cells. */
export function newColumn(n) {
  return { kinds: new Uint8Array(n), nums: new Float64Array(n), others: null };
}

/** Sets cell i to a value as logged (a finite number, or anything else as JSON would store it). */
export function setCell(column, i, value) {
  if (typeof value === 'number' && Number.isFinite(value)) {
    column.kinds[i] = CELL_NUMBER;
    column.nums[i] = value === 0 ? 0 : value;
  } else {
    column.kinds[i] = CELL_OTHER;
    if (column.others === null) column.others = new Array(column.kinds.length).fill(null);
    column.others[i] = value === undefined ? null : value;
  }
}

/**
 * @param {{ rowids: Float64Array, createdAt: Float64Array, latencyMs: Float64Array,
 *   columns: { name: string, column: ReturnType<typeof newColumn> }[], prediction: ReturnType<typeof newColumn> }} block
 * @returns {Buffer}
 */
export function encodeBlock({ rowids, createdAt, latencyMs, columns, prediction }) {
  const n = rowids.length;
  const all = [...columns.map((c) => c.column), prediction];
  const dense = all.map((c) => c.kinds.every((k) => k === CELL_NUMBER));
  // JSON.stringify of the others array normalises each value as the row's JSON text does.
  const header = encoder.encode(
    JSON.stringify({
      n,
      columns: columns.map((c, i) => ({ name: c.name, kinds: !dense[i], others: c.column.others })),
      prediction: { kinds: !dense[columns.length], others: prediction.others },
    }),
  );
  const start = pad8(4 + header.length);
  const kindsBytes = pad8(n);
  let size = start + 3 * 8 * n;
  for (let c = 0; c < all.length; c++) size += (dense[c] ? 0 : kindsBytes) + 8 * n;
  const out = Buffer.alloc(size);
  out.writeUInt32LE(header.length, 0);
  out.set(header, 4);
  let at = start;
  for (const array of [rowids, createdAt, latencyMs]) {
    out.set(new Uint8Array(array.buffer, array.byteOffset, 8 * n), at);
    at += 8 * n;
  }
  for (let c = 0; c < all.length; c++) {
    if (!dense[c]) {
      out.set(all[c].kinds, at);
      at += kindsBytes;
    }
    out.set(new Uint8Array(all[c].nums.buffer, all[c].nums.byteOffset, 8 * n), at);
    at += 8 * n;
  }
  return out;
}

/**
 * Views on a block's bytes (copied once when they are not 8-byte aligned). A column's `kinds` is
 * null when every cell is a number.
 * @param {Uint8Array} bytes
 */
export function decodeBlock(bytes) {
  if (bytes.byteOffset % 8 !== 0) bytes = new Uint8Array(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(0, true);
  const header = JSON.parse(decoder.decode(bytes.subarray(4, 4 + headerLength)));
  const n = header.n;
  let at = bytes.byteOffset + pad8(4 + headerLength);
  const doubles = () => {
    const array = new Float64Array(bytes.buffer, at, n);
    at += 8 * n;
    return array;
  };
  const column = (meta) => {
    let kinds = null;
    if (meta.kinds) {
      kinds = new Uint8Array(bytes.buffer, at, n);
      at += pad8(n);
    }
    return { kinds, nums: doubles(), others: meta.others };
  };
  const rowids = doubles();
  const createdAt = doubles();
  const latencyMs = doubles();
  const columns = new Map();
  for (const meta of header.columns) columns.set(meta.name, column(meta));
  const prediction = column(header.prediction);
  if (at !== bytes.byteOffset + bytes.byteLength) throw new Error(`prediction log block: ${bytes.byteLength} bytes, expected ${at - bytes.byteOffset}`);
  return { n, rowids, createdAt, latencyMs, columns, prediction };
}

function pad8(x) {
  return (x + 7) & ~7;
}
