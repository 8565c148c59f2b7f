import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { PortKind } from '../../../engine/port-kinds';
import { artifacts } from '../../db/schema';
import { getEnv } from '../../env';
import { isArtifactId } from '../../store/artifact-files';
import { previewArtifact } from '../../store/preview';
import { notFound, userError } from '../errors';
import { createTRPCRouter, permitted } from '../trpc';

export const artifactRouter = createTRPCRouter({
  preview: permitted('pipeline.read')
    .input(z.object({ id: z.string().max(200), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(50) }))
    .query(async ({ ctx, input }) => {
      // Validate before any look-up: artifact ids are hashes, never paths.
      if (!isArtifactId(input.id)) throw userError('An artifact id is 64 lowercase hex characters', { field: 'id' });
      const row = ctx.db.select().from(artifacts).where(eq(artifacts.id, input.id)).get();
      if (!row) throw notFound(`Artifact ${input.id.slice(0, 12)}`);
      return { id: row.id, kind: row.kind, size: row.size, meta: row.meta, preview: await previewArtifact(getEnv().PIPEWORKS_DATA_DIR, row.id, row.kind as PortKind, input.offset, input.limit) };
    }),
});
