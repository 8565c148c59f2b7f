// The import threads: one file at a time per thread, off the thread that serves HTTP. Held on
// globalThis so Next's module reloading never starts a second pool.
import path from 'node:path';
import { Piscina } from 'piscina';
import type { IngestRequest } from './ingest-file';
import type { IngestResult } from './ingest-result';

const key = Symbol.for('pipeworks.ingestPool');
const holder = globalThis as unknown as { [key]?: Piscina };

function pool(): Piscina {
  holder[key] ??= new Piscina({
    filename: path.join(process.cwd(), 'server/datasets/ingest-worker-entry.mjs'),
    minThreads: 0,
    // Imports are memory-heavy (a column store per column); two at once is plenty on a small server.
    maxThreads: 2,
    idleTimeout: 30_000,
  });
  return holder[key];
}

export function runIngestInWorker(request: IngestRequest): Promise<IngestResult> {
  return pool().run(request) as Promise<IngestResult>;
}
