import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { pipelines, projects } from '../../db/schema';
import { notFound } from '../errors';
import { createTRPCRouter, permitted } from '../trpc';

export const projectRouter = createTRPCRouter({
  list: permitted('pipeline.read').query(({ ctx }) => ctx.db.select().from(projects).orderBy(asc(projects.createdAt)).all()),

  get: permitted('pipeline.read')
    .input(z.object({ id: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => {
      const project = ctx.db.select().from(projects).where(eq(projects.id, input.id)).get();
      if (!project) throw notFound(`Project "${input.id}"`);
      const list = ctx.db.select().from(pipelines).where(eq(pipelines.projectId, input.id)).orderBy(asc(pipelines.name)).all();
      return { ...project, pipelines: list };
    }),
});
