import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { PortKind } from '../../../engine/port-kinds';
import { first, type AnyDb } from '../../db/any-db';
import { getEnv } from '../../env';
import { ArtifactMissingError } from '../../store/artifact-errors';
import { isArtifactId } from '../../store/artifact-files';
import { previewArtifactInWorker, tableStatsInWorker } from '../../store/artifact-pool';
import { notFound, userError } from '../errors';
import { createTRPCRouter, permitted } from '../trpc';

// Decoding, profiling and paging run in a worker thread (artifact-pool.ts): on a large table they
// are seconds of synchronous work that would hold every other request (issue 14, finding 3).
export const artifactRouter = createTRPCRouter({
  preview: permitted('pipeline.read')
    .input(z.object({ id: z.string().max(200), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(50) }))
    .query(async ({ ctx, input }) => {
      const row = await findArtifact(ctx.anyDb, input.id);
      return { id: row.id, kind: row.kind, size: row.size, meta: row.meta, preview: await missingAsNotFound(previewArtifactInWorker(getEnv().PIPEWORKS_DATA_DIR, row.id, row.kind as PortKind, input.offset, input.limit)) };
    }),

  /** Per-column statistics of a table artifact, for its preview. */
  tableStats: permitted('pipeline.read')
    .input(z.object({ id: z.string().max(200) }))
    .query(async ({ ctx, input }) => {
      const row = await findArtifact(ctx.anyDb, input.id);
      if (row.kind !== 'table') throw userError(`Artifact ${row.id.slice(0, 12)} is a ${row.kind}, not a table`, { field: 'id' });
      return missingAsNotFound(tableStatsInWorker(getEnv().PIPEWORKS_DATA_DIR, row.id));
    }),
});

async function findArtifact(db: AnyDb, id: string) {
  // Validate before any look-up: artifact ids are hashes, never paths.
  if (!isArtifactId(id)) throw userError('An artifact id is 64 lowercase hex characters', { field: 'id' });
  const row = first(await db.select().from(db.t.artifacts).where(eq(db.t.artifacts.id, id)).limit(1));
  if (!row) throw notFound(`Artifact ${id.slice(0, 12)}`);
  return row;
}

/** A row whose file is gone (collected, or lost with a disk) reads as not found, not as a fault. */
async function missingAsNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ArtifactMissingError) throw notFound(`The stored file of artifact ${error.artifactId.slice(0, 12)}`);
    throw error;
  }
}
