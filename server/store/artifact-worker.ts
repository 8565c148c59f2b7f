// Reads an artifact for a person to look at, inside a worker thread: re-hashing a large file,
// decoding it, profiling its columns and building the page are seconds of synchronous work on a
// big table (issue 14, finding 3), which on the serving thread would hold every other request.
// Failures come back as data: a class thrown in a worker reaches the server as a plain Error.
import type { PortKind } from '../../engine/port-kinds';
import { threadId } from 'node:worker_threads';
import { ArtifactCorruptError, ArtifactMissingError } from './artifact-errors';
import { previewArtifact } from './preview';
import { tableStats, type TableStats } from './table-stats';

export type ArtifactWork =
  | { op: 'preview'; dataDir: string; id: string; kind: PortKind; offset: number; limit: number }
  | { op: 'stats'; dataDir: string; id: string };

export type ArtifactPreview = Awaited<ReturnType<typeof previewArtifact>>;

export type ArtifactWorkFailure = { reason: 'missing' | 'corrupt' | 'internal'; message: string };

export type ArtifactWorkResult<T> = { ok: true; value: T; threadId: number } | { ok: false; failure: ArtifactWorkFailure };

export default async function readArtifact(work: ArtifactWork): Promise<ArtifactWorkResult<ArtifactPreview | TableStats>> {
  try {
    const value = work.op === 'preview' ? await previewArtifact(work.dataDir, work.id, work.kind, work.offset, work.limit) : await tableStats(work.dataDir, work.id);
    return { ok: true, value, threadId };
  } catch (error) {
    const reason = error instanceof ArtifactMissingError ? 'missing' : error instanceof ArtifactCorruptError ? 'corrupt' : 'internal';
    return { ok: false, failure: { reason, message: error instanceof Error ? error.message : String(error) } };
  }
}
