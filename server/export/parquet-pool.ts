// Parquet exports run in a worker thread: DuckDB is native code that must not be bundled into the
// Next server, and filling its appender is synchronous work that would stall other requests.
// Held on globalThis so Next's module reloading never starts a second pool.
import path from 'node:path';
import { Piscina } from 'piscina';
import type { ParquetExportRequest } from './parquet-worker';

const key = Symbol.for('pipeworks.parquetExportPool');
const holder = globalThis as unknown as { [key]?: Piscina };

function pool(): Piscina {
  holder[key] ??= new Piscina({
    filename: path.join(process.cwd(), 'server/export/parquet-worker-entry.mjs'),
    minThreads: 0,
    // One export at a time: each holds a whole table in DuckDB's memory.
    maxThreads: 1,
    idleTimeout: 30_000,
  });
  return holder[key];
}

export function exportParquetInWorker(request: ParquetExportRequest): Promise<void> {
  return pool().run(request) as Promise<void>;
}
