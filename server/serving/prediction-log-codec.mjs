// The writer thread's side of the packed prediction-log batch (prediction-log-batch.ts packs it on
// the serving thread): back to one row per entry, with inputs and outputs as the JSON text the
// prediction_log table stores. Plain JavaScript, so the writer thread needs no TypeScript loader.

/** Int32 slots per entry: endpoint, version, role, key (-1: none), shadow of (-1: none), names, labels (-1: regression). */
export const ENTRY_INTS = 7;
const ID_LENGTH = 36;

/** @param {import('./prediction-log-codec.mjs').PackedBatch} batch */
export function unpackBatch(batch) {
  const { strings, schemas, others, ints, nums, kinds } = batch;
  const rows = new Array(batch.count);
  let num = 0;
  let kind = 0;
  let other = 0;
  for (let e = 0; e < batch.count; e++) {
    const at = e * ENTRY_INTS;
    const createdAt = nums[num++];
    const latencyMs = nums[num++];
    const names = listAt(schemas, strings, ints[at + 5]);
    const inputs = {};
    for (const name of names) inputs[name] = kinds[kind++] === 0 ? nums[num++] : others[other++];
    let outputs;
    if (ints[at + 6] === -1) {
      outputs = { prediction: nums[num++] };
    } else {
      const labels = listAt(schemas, strings, ints[at + 6]);
      const probabilities = {};
      let best = 0;
      for (let j = 0; j < labels.length; j++) {
        probabilities[labels[j]] = nums[num + j];
        if (nums[num + j] > nums[num + best]) best = j;
      }
      num += labels.length;
      outputs = { prediction: labels[best], probabilities };
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
      inputs: JSON.stringify(inputs),
      outputs: JSON.stringify(outputs),
    };
  }
  return rows;
}

function listAt(schemas, strings, at) {
  const out = new Array(schemas[at]);
  for (let i = 0; i < out.length; i++) out[i] = strings[schemas[at + 1 + i]];
  return out;
}
