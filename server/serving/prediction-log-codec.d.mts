// Types of prediction-log-codec.mjs (plain JavaScript, shared with the writer thread).
export declare const ENTRY_INTS: number;

export interface PackedBatch {
  count: number;
  /** The prediction ids, 36 characters each, concatenated. */
  ids: string;
  strings: string[];
  /** Lists of strings (column names, labels) as [length, string index…]. */
  schemas: number[];
  /** Input values that are not finite numbers, in order. */
  others: unknown[];
  ints: Int32Array;
  nums: Float64Array;
  /** Per input value: 0, the next number in nums; 1, the next value in others. */
  kinds: Uint8Array;
}

export interface UnpackedRow {
  id: string;
  endpointId: string;
  versionId: string;
  role: string;
  keyId: string | null;
  shadowOf: string | null;
  createdAt: number;
  latencyMs: number;
  inputs: string;
  outputs: string;
}

/** Where an entry's input cells start in the batch (kinds, nums, others), its input names, and its prediction (undefined: none). */
export interface EntryCells {
  names: string[];
  /** False when a JSON object of these names would reorder or drop one (the row's text comes from such an object). */
  simple: boolean;
  kind: number;
  num: number;
  other: number;
  prediction: unknown;
}

export declare function unpackBatch(batch: PackedBatch, cells?: EntryCells[]): UnpackedRow[];
