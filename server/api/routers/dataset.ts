// Datasets by name and their versions. Uploads arrive over plain HTTP (app/api/datasets/upload),
// because a tRPC body would be buffered whole; previews go through artifact.preview.
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { datasetNameSchema } from '../../datasets/dataset-name';
import { findDataset, latestVersion, versionCounts, versionsOf } from '../../datasets/dataset-store';
import { versionSummary } from '../../datasets/version-summary';
import { notFound } from '../errors';
import { createTRPCRouter, permitted } from '../trpc';

export const datasetRouter = createTRPCRouter({
  list: permitted('pipeline.read').query(async ({ ctx }) => {
    const db = ctx.anyDb;
    const counts = await versionCounts(db);
    const all = await db.select().from(db.t.datasets).orderBy(asc(db.t.datasets.name));
    return Promise.all(
      all.map(async (d) => {
        const latest = await latestVersion(db, d.id);
        return { id: d.id, name: d.name, createdAt: d.createdAt, versions: counts.get(d.id) ?? 0, latest: latest ? versionSummary(latest) : null };
      }),
    );
  }),

  get: permitted('pipeline.read')
    .input(z.object({ name: datasetNameSchema }))
    .query(async ({ ctx, input }) => {
      const dataset = await findDataset(ctx.anyDb, input.name);
      if (!dataset) throw notFound(`Dataset "${input.name}"`);
      const versions = await versionsOf(ctx.anyDb, dataset.id);
      return { id: dataset.id, name: dataset.name, createdAt: dataset.createdAt, versions: versions.map(versionSummary) };
    }),
});
