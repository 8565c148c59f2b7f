// Storage: what GC would free and collecting it (admins), and deleting runs, pipeline versions and
// model versions, which only marks their artifacts for GC (anyone who builds, per roles.ts).
import { z } from 'zod';
import { getEnv } from '../../env';
import { deleteModelVersion } from '../../storage/delete-model-version';
import { deletePipelineVersion } from '../../storage/delete-pipeline-version';
import { deleteRun } from '../../storage/delete-run';
import { collectGc, planGc } from '../../storage/gc';
import { createTRPCRouter, permitted } from '../trpc';

const id = z.string().min(1).max(64);
const graceHours = z.number().min(0).max(24 * 3660).optional();
const grace = (hours: number | undefined) => (hours ?? getEnv().PIPEWORKS_GC_GRACE_HOURS) * 3_600_000;

export const storageRouter = createTRPCRouter({
  /** What a collection would remove now, what waits out the grace period, and what is kept. */
  plan: permitted('storage.gc')
    .input(z.object({ graceHours, limit: z.number().int().min(1).max(1000).default(200) }))
    .query(async ({ ctx, input }) => ({ ...(await planGc(ctx.anyDb, { graceMs: grace(input.graceHours), limit: input.limit })), defaultGraceHours: getEnv().PIPEWORKS_GC_GRACE_HOURS })),

  collect: permitted('storage.gc')
    .input(z.object({ graceHours }))
    .mutation(({ ctx, input }) => collectGc(ctx.anyDb, getEnv().PIPEWORKS_DATA_DIR, { graceMs: grace(input.graceHours), userId: ctx.user.id, via: 'ui' })),

  deleteRun: permitted('history.delete')
    .input(z.object({ runId: id }))
    .mutation(({ ctx, input }) => deleteRun(ctx.anyDb, { runId: input.runId, userId: ctx.user.id })),

  deletePipelineVersion: permitted('history.delete')
    .input(z.object({ pipelineId: id, version: z.number().int().positive() }))
    .mutation(({ ctx, input }) => deletePipelineVersion(ctx.anyDb, { ...input, userId: ctx.user.id })),

  deleteModelVersion: permitted('history.delete')
    .input(z.object({ modelId: id, version: z.number().int().positive() }))
    .mutation(({ ctx, input }) => deleteModelVersion(ctx.anyDb, { ...input, userId: ctx.user.id })),
});
