// Datasets by name and their versions. Uploads arrive over plain HTTP (app/api/datasets/upload),
// because a tRPC body would be buffered whole; previews go through artifact.preview.
import { asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { datasets, datasetVersions } from '../../db/schema';
import { datasetNameSchema } from '../../datasets/dataset-name';
import { findDataset, latestVersion, versionCounts } from '../../datasets/dataset-store';
import { versionSummary } from '../../datasets/version-summary';
import { notFound } from '../errors';
import { createTRPCRouter, permitted } from '../trpc';

export const datasetRouter = createTRPCRouter({
  list: permitted('pipeline.read').query(({ ctx }) => {
    const counts = versionCounts(ctx.db);
    return ctx.db
      .select()
      .from(datasets)
      .orderBy(asc(datasets.name))
      .all()
      .map((d) => {
        const latest = latestVersion(ctx.db, d.id);
        return { id: d.id, name: d.name, createdAt: d.createdAt, versions: counts.get(d.id) ?? 0, latest: latest ? versionSummary(latest) : null };
      });
  }),

  get: permitted('pipeline.read')
    .input(z.object({ name: datasetNameSchema }))
    .query(({ ctx, input }) => {
      const dataset = findDataset(ctx.db, input.name);
      if (!dataset) throw notFound(`Dataset "${input.name}"`);
      const versions = ctx.db
        .select()
        .from(datasetVersions)
        .where(eq(datasetVersions.datasetId, dataset.id))
        .orderBy(desc(datasetVersions.version))
        .all();
      return { id: dataset.id, name: dataset.name, createdAt: dataset.createdAt, versions: versions.map(versionSummary) };
    }),
});
