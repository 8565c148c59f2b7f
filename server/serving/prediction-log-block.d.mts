// Types of prediction-log-block.mjs (plain JavaScript, shared with the writer thread).
export declare const CELL_MISSING: 0;
export declare const CELL_NUMBER: 1;
export declare const CELL_OTHER: 2;

/** n cells: kinds (null in a decoded block when every cell is a number), numbers, the other values (null: none). */
export interface CellColumn {
  kinds: Uint8Array | null;
  nums: Float64Array;
  others: unknown[] | null;
}

export interface DecodedBlock {
  n: number;
  rowids: Float64Array;
  createdAt: Float64Array;
  latencyMs: Float64Array;
  /** The inputs by name. */
  columns: Map<string, CellColumn>;
  prediction: CellColumn;
}

export declare function newColumn(n: number): { kinds: Uint8Array; nums: Float64Array; others: unknown[] | null };
export declare function setCell(column: { kinds: Uint8Array; nums: Float64Array; others: unknown[] | null }, i: number, value: unknown): void;
export declare function encodeBlock(block: {
  rowids: Float64Array;
  createdAt: Float64Array;
  latencyMs: Float64Array;
  columns: { name: string; column: { kinds: Uint8Array; nums: Float64Array; others: unknown[] | null } }[];
  prediction: { kinds: Uint8Array; nums: Float64Array; others: unknown[] | null };
}): Buffer;
export declare function decodeBlock(bytes: Uint8Array): DecodedBlock;
