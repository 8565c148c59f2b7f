// The threads that read artifacts for previews and statistics, off the thread that serves HTTP.
// Each keeps its own small cache of decoded artifacts (decoded-artifacts.ts), so scrolling a
// table's pages stays fast. Held on globalThis so Next's module reloading never starts a second pool.
import path from 'node:path';
import { Piscina } from 'piscina';
import type { PortKind } from '../../engine/port-kinds';
import { ArtifactMissingError } from './artifact-errors';
import type { ArtifactPreview, ArtifactWork, ArtifactWorkResult } from './artifact-worker';
import type { TableStats } from './table-stats';

const key = Symbol.for('pipeworks.artifactReadPool');
const holder = globalThis as unknown as { [key]?: Piscina };

function pool(): Piscina {
  holder[key] ??= new Piscina({
    filename: path.join(process.cwd(), 'server/store/artifact-worker-entry.mjs'),
    minThreads: 0,
    // Two, so one person's large table does not make everyone else's preview wait; each thread's
    // decoded-artifact cache is bounded (256 MB).
    maxThreads: 2,
    idleTimeout: 60_000,
  });
  return holder[key];
}

let lastThreadId: number | null = null;
let completed = 0;

/** The thread that did the last piece of work, for tests: never the serving thread. */
export function lastArtifactThreadId(): number | null {
  return lastThreadId;
}

/** How many pieces of work the pool has finished, for tests: work done elsewhere does not count. */
export function artifactWorkCompleted(): number {
  return completed;
}

async function run<T>(work: ArtifactWork): Promise<T> {
  const result = (await pool().run(work)) as ArtifactWorkResult<T>;
  if (result.ok) {
    lastThreadId = result.threadId;
    completed += 1;
    return result.value;
  }
  if (result.failure.reason === 'missing') throw new ArtifactMissingError(work.id);
  throw new Error(result.failure.message);
}

export function previewArtifactInWorker(dataDir: string, id: string, kind: PortKind, offset: number, limit: number): Promise<ArtifactPreview> {
  return run({ op: 'preview', dataDir, id, kind, offset, limit });
}

export function tableStatsInWorker(dataDir: string, id: string): Promise<TableStats> {
  return run({ op: 'stats', dataDir, id });
}

/** Writes a table artifact as CSV to `file` (a temp path the caller removes). */
export async function exportCsvInWorker(dataDir: string, id: string, file: string): Promise<void> {
  await run<null>({ op: 'csv', dataDir, id, file });
}
