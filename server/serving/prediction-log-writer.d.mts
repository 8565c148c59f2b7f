// Types of prediction-log-writer.mjs (plain JavaScript, shared with the writer thread).
import type Database from 'better-sqlite3';
import type { EntryCells, PackedBatch, UnpackedRow } from './prediction-log-codec.mjs';

/** Writes a packed batch (rows and their columnar blocks) in one transaction; returns its entry count. */
export declare function createLogWriter(sqlite: Database.Database): (batch: PackedBatch) => number;

export interface BlockEntry {
  e: UnpackedRow;
  cells: EntryCells;
}

/** The batch's entries; those no block can hold; the others grouped by endpoint and version, oldest first. */
export declare function groupBatch(batch: PackedBatch): { entries: UnpackedRow[]; loose: UnpackedRow[]; groups: BlockEntry[][] };

/** One group's columnar block (prediction-log-block.mjs), with the given row ids. */
export declare function blockData(batch: PackedBatch, group: BlockEntry[], rowids: Float64Array): Buffer;
