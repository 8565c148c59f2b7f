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

export declare function unpackBatch(batch: PackedBatch): UnpackedRow[];
