// Types of prediction-log-writer.mjs (plain JavaScript, shared with the writer thread).
import type Database from 'better-sqlite3';
import type { PackedBatch } from './prediction-log-codec.mjs';

/** Writes a packed batch (rows and their columnar blocks) in one transaction; returns its entry count. */
export declare function createLogWriter(sqlite: Database.Database): (batch: PackedBatch) => number;
