// Reads an artifact for a person to look at, inside a worker thread: re-hashing a large file,
// decoding it, profiling its columns and building the page are seconds of synchronous work on a
// big table (issue 14, finding 3), which on the serving thread would hold every other request.
// A CSV export is written here too, to a temp file the server then streams.
// Failures come back as data: a class thrown in a worker reaches the server as a plain Error.
import { open } from 'node:fs/promises';
import { threadId } from 'node:worker_threads';
import type { PortKind } from '../../engine/port-kinds';
import { tableCsvChunks } from '../export/table-csv';
import { assertNever } from '../../engine/assert-never';
import { ArtifactCorruptError, ArtifactMissingError } from './artifact-errors';
import { decodedArtifact } from './decoded-artifacts';
import { previewArtifact } from './preview';
import { tableStats, type TableStats } from './table-stats';

export type ArtifactWork =
  | { op: 'preview'; dataDir: string; id: string; kind: PortKind; offset: number; limit: number }
  | { op: 'stats'; dataDir: string; id: string }
  /** A table written as CSV to `file`, a temp path the server chose. */
  | { op: 'csv'; dataDir: string; id: string; file: string };

export type ArtifactPreview = Awaited<ReturnType<typeof previewArtifact>>;

export type ArtifactWorkFailure = { reason: 'missing' | 'corrupt' | 'internal'; message: string };

export type ArtifactWorkResult<T> = { ok: true; value: T; threadId: number } | { ok: false; failure: ArtifactWorkFailure };

export default async function readArtifact(work: ArtifactWork): Promise<ArtifactWorkResult<ArtifactPreview | TableStats | null>> {
  try {
    return { ok: true, value: await perform(work), threadId };
  } catch (error) {
    const reason = error instanceof ArtifactMissingError ? 'missing' : error instanceof ArtifactCorruptError ? 'corrupt' : 'internal';
    return { ok: false, failure: { reason, message: error instanceof Error ? error.message : String(error) } };
  }
}

function perform(work: ArtifactWork): Promise<ArtifactPreview | TableStats | null> {
  switch (work.op) {
    case 'preview':
      return previewArtifact(work.dataDir, work.id, work.kind, work.offset, work.limit);
    case 'stats':
      return tableStats(work.dataDir, work.id);
    case 'csv':
      return writeCsv(work.dataDir, work.id, work.file).then(() => null);
    default:
      return assertNever(work, 'artifact work');
  }
}

async function writeCsv(dataDir: string, id: string, file: string): Promise<void> {
  const value = await decodedArtifact(dataDir, id, 'table');
  if (value.kind !== 'table') throw new Error(`Artifact ${id.slice(0, 12)} did not decode as a table`);
  const handle = await open(file, 'wx');
  try {
    for (const chunk of tableCsvChunks(value.table, value.columns)) await handle.write(chunk);
  } finally {
    await handle.close();
  }
}
