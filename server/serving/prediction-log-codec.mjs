// The writer thread's side of the packed prediction-log batch (prediction-log-batch.ts packs it on
// the serving thread): back to one row per entry, with inputs and outputs as the JSON text the
// prediction_log table stores, plus where each entry's cells are in the batch (for its columnar
// block, prediction-log-writer.mjs). Plain JavaScript, so the writer thread needs no TypeScript loader.

/** Int32 slots per entry: endpoint, version, role, key (-1: none), shadow of (-1: none), names, labels (-1: regression). */
export const ENTRY_INTS = 7;
const ID_LENGTH = 36;

/**
 * @param {import('./prediction-log-codec.mjs').PackedBatch} batch
 * @param {import('./prediction-log-codec.mjs').EntryCells[]} [cells] filled with each entry's cells, when given
 */
export function unpackBatch(batch, cells) {
  const { strings, schemas, others, ints, nums, kinds } = batch;
  const rows = new Array(batch.count);
  /** Per list position in `schemas`: its strings and their JSON key texts (null: build objects). */
  const lists = new Map();
  const listOf = (at) => {
    let list = lists.get(at);
    if (list === undefined) {
      const items = listAt(schemas, strings, at);
      list = { items, keys: keyTexts(items) };
      lists.set(at, list);
    }
    return list;
  };
  let num = 0;
  let kind = 0;
  let other = 0;
  for (let e = 0; e < batch.count; e++) {
    const at = e * ENTRY_INTS;
    const createdAt = nums[num++];
    const latencyMs = nums[num++];
    const { items: names, keys } = listOf(ints[at + 5]);
    const entry = { names, simple: keys !== null, kind, num, other, prediction: undefined };
    cells?.push(entry);
    let inputs;
    if (keys !== null) {
      // The text JSON.stringify gives for the object below, written directly (the common case).
      inputs = names.length ? '' : '{';
      for (let c = 0; c < names.length; c++) inputs += keys[c] + (kinds[kind++] === 0 ? String(nums[num++]) : JSON.stringify(others[other++]));
      inputs += '}';
    } else {
      const object = {};
      for (const name of names) object[name] = kinds[kind++] === 0 ? nums[num++] : others[other++];
      inputs = JSON.stringify(object);
    }
    let outputs;
    if (ints[at + 6] === -1) {
      entry.prediction = nums[num];
      outputs = `{"prediction":${jsonNumber(nums[num++])}}`;
    } else {
      const { items: labels, keys: labelKeys } = listOf(ints[at + 6]);
      let best = 0;
      for (let j = 1; j < labels.length; j++) if (nums[num + j] > nums[num + best]) best = j;
      entry.prediction = labels[best];
      if (labelKeys !== null) {
        outputs = `{"prediction":${JSON.stringify(labels[best])},"probabilities":${labels.length ? '' : '{'}`;
        for (let j = 0; j < labels.length; j++) outputs += labelKeys[j] + jsonNumber(nums[num + j]);
        outputs += '}}';
      } else {
        const probabilities = {};
        for (let j = 0; j < labels.length; j++) probabilities[labels[j]] = nums[num + j];
        outputs = JSON.stringify({ prediction: labels[best], probabilities });
      }
      num += labels.length;
    }
    rows[e] = {
      id: batch.ids.slice(e * ID_LENGTH, (e + 1) * ID_LENGTH),
      endpointId: strings[ints[at]],
      versionId: strings[ints[at + 1]],
      role: strings[ints[at + 2]],
      keyId: ints[at + 3] === -1 ? null : strings[ints[at + 3]],
      shadowOf: ints[at + 4] === -1 ? null : strings[ints[at + 4]],
      createdAt,
      latencyMs,
      inputs,
      outputs,
    };
  }
  return rows;
}

function listAt(schemas, strings, at) {
  const out = new Array(schemas[at]);
  for (let i = 0; i < out.length; i++) out[i] = strings[schemas[at + 1 + i]];
  return out;
}

/** An array-index key, which a JS object lists first whatever the insertion order. */
const INDEX_KEY = /^(0|[1-9]\d{0,9})$/;

/**
 * `{"a":` then `,"b":` …: an object's keys as JSON.stringify writes them, or null where an object
 * built in this order would not list them in this order (array-index keys, a repeated key) or
 * would drop one (`__proto__`).
 */
function keyTexts(items) {
  const seen = new Set();
  for (const item of items) {
    if ((INDEX_KEY.test(item) && Number(item) < 4294967295) || item === '__proto__' || seen.has(item)) return null;
    seen.add(item);
  }
  return items.map((item, i) => `${i ? ',' : '{'}${JSON.stringify(item)}:`);
}

/** A number as JSON.stringify writes it. */
function jsonNumber(x) {
  return Number.isFinite(x) ? String(x) : 'null';
}
