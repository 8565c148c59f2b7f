import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { PortKind } from '../../../engine/port-kinds';
import type { Db } from '../../db/client';
import { artifacts } from '../../db/schema';
import { getEnv } from '../../env';
import { isArtifactId } from '../../store/artifact-files';
import { previewArtifact } from '../../store/preview';
import { tableStats } from '../../store/table-stats';
import { notFound, userError } from '../errors';
import { createTRPCRouter, permitted } from '../trpc';

export const artifactRouter = createTRPCRouter({
  preview: permitted('pipeline.read')
    .input(z.object({ id: z.string().max(200), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(50) }))
    .query(async ({ ctx, input }) => {
      const row = findArtifact(ctx.db, input.id);
      return { id: row.id, kind: row.kind, size: row.size, meta: row.meta, preview: await previewArtifact(getEnv().PIPEWORKS_DATA_DIR, row.id, row.kind as PortKind, input.offset, input.limit) };
    }),

  /** Per-column statistics of a table artifact, for its preview. */
  tableStats: permitted('pipeline.read')
    .input(z.object({ id: z.string().max(200) }))
    .query(async ({ ctx, input }) => {
      const row = findArtifact(ctx.db, input.id);
      if (row.kind !== 'table') throw userError(`Artifact ${row.id.slice(0, 12)} is a ${row.kind}, not a table`, { field: 'id' });
      return tableStats(getEnv().PIPEWORKS_DATA_DIR, row.id);
    }),
});

function findArtifact(db: Db, id: string) {
  // Validate before any look-up: artifact ids are hashes, never paths.
  if (!isArtifactId(id)) throw userError('An artifact id is 64 lowercase hex characters', { field: 'id' });
  const row = db.select().from(artifacts).where(eq(artifacts.id, id)).get();
  if (!row) throw notFound(`Artifact ${id.slice(0, 12)}`);
  return row;
}
