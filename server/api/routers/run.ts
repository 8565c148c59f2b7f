import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { first } from '../../db/any-db';
import { withTransaction } from '../../db/transaction';
import { audit } from '../../auth/audit';
import { cancelRefusal } from '../../auth/roles';
import { previewRun } from '../../pipelines/plan-preview';
import { startRun } from '../../pipelines/start-run';
import { runEvents } from '../../runners/run-events';
import { readRun } from '../../runners/read-run';
import { finishRun } from '../../runners/run-store';
import { getEnv } from '../../env';
import { getRunManager } from '../../runtime';
import { serverSpeedFor } from '../../training/server-speed';
import { notFound } from '../errors';
import { createTRPCRouter, permitted } from '../trpc';
import { browserOffer } from './browser-offer';
import { runRecordProcedures } from './run-records';

const runId = z.string().uuid();
const runTarget = z.object({
  pipelineId: z.string().min(1).max(64),
  version: z.number().int().positive().optional(),
  upTo: z.string().max(64).optional(),
  /** What the asking browser offers; with it, steps may be placed in that browser. */
  browser: browserOffer.optional(),
});

// 'interrupted' ends a watch too: nothing changes until someone resumes it (a new watch).
const TERMINAL = new Set(['succeeded', 'failed', 'cancelled', 'interrupted']);
const ENDED = new Set(['succeeded', 'failed', 'cancelled']);
const MIN_SNAPSHOT_INTERVAL_MS = 250;

export const runRouter = createTRPCRouter({
  // run.record, run.table, run.columns, run.compare and run.reproduce live in run-records.ts.
  ...runRecordProcedures,

  start: permitted('run.start')
    .input(runTarget)
    .mutation(async ({ ctx, input }) => {
      const serverSpeed = await serverSpeedFor(input.browser);
      const started = await startRun(ctx.anyDb, { ...input, serverSpeed, trigger: 'manual', userId: ctx.user.id });
      await audit(ctx.anyDb, { userId: ctx.user.id, action: 'run.start', targetType: 'run', targetId: started.runId, detail: { pipelineId: input.pipelineId, version: started.version } });
      return started;
    }),

  /** Which steps a run would reuse from the cache and which it would run, and why. */
  preview: permitted('pipeline.read')
    .input(runTarget)
    .query(async ({ ctx, input }) => previewRun(ctx.anyDb, getEnv().PIPEWORKS_DATA_DIR, { ...input, serverSpeed: await serverSpeedFor(input.browser) }, { userId: ctx.user.id })),

  get: permitted('pipeline.read')
    .input(z.object({ id: runId }))
    .query(async ({ ctx, input }) => {
      const run = await readRun(ctx.anyDb, input.id);
      if (!run) throw notFound(`Run ${input.id}`);
      return { ...run, cancelRefusal: cancelRefusal(ctx.user, run) };
    }),

  list: permitted('pipeline.read')
    .input(z.object({ pipelineId: z.string().min(1).max(64), limit: z.number().int().min(1).max(200).default(20) }))
    .query(async ({ ctx, input }) => {
      const { runs, pipelineVersions } = ctx.anyDb.t;
      return await ctx.anyDb
        .select({ id: runs.id, status: runs.status, trigger: runs.trigger, createdAt: runs.createdAt, startedAt: runs.startedAt, finishedAt: runs.finishedAt, pipelineVersionId: runs.pipelineVersionId, version: pipelineVersions.version })
        .from(runs)
        .leftJoin(pipelineVersions, eq(pipelineVersions.id, runs.pipelineVersionId))
        // Search trials are listed under their search, not in the pipeline's history.
        .where(and(eq(runs.pipelineId, input.pipelineId), isNull(runs.parentRunId)))
        .orderBy(desc(runs.createdAt), desc(runs.id))
        .limit(input.limit);
    }),

  logs: permitted('pipeline.read')
    .input(z.object({ id: runId, stepId: z.string().max(64).optional() }))
    .query(async ({ ctx, input }) => {
      const { stepLogs } = ctx.anyDb.t;
      return await ctx.anyDb
        .select()
        .from(stepLogs)
        .where(input.stepId ? and(eq(stepLogs.runId, input.id), eq(stepLogs.stepId, input.stepId)) : eq(stepLogs.runId, input.id))
        .orderBy(asc(stepLogs.id))
        .limit(2000);
    }),

  cancel: permitted('run.cancel')
    .input(z.object({ id: runId }))
    .mutation(async ({ ctx, input }) => {
      const { runs, stepRuns } = ctx.anyDb.t;
      const run = first(await ctx.anyDb.select({ status: runs.status, createdBy: runs.createdBy }).from(runs).where(eq(runs.id, input.id)).limit(1));
      if (!run) throw notFound(`Run ${input.id}`);
      const refusal = cancelRefusal(ctx.user, run);
      if (refusal) throw new TRPCError({ code: 'FORBIDDEN', message: refusal });
      if (ENDED.has(run.status)) return { cancelled: false, status: run.status };
      if (!getRunManager().cancel(input.id)) {
        // Nobody is executing it here (its process is gone): settle it so it cannot resume later.
        await withTransaction(ctx.anyDb, async (tx) => {
          await tx
            .update(stepRuns)
            .set({ status: 'cancelled', errorCode: 'cancelled', errorMessage: 'Cancelled' })
            .where(and(eq(stepRuns.runId, input.id), inArray(stepRuns.status, ['queued', 'running'])));
          await finishRun(tx, input.id, 'cancelled');
        });
      }
      await audit(ctx.anyDb, { userId: ctx.user.id, action: 'run.cancel', targetType: 'run', targetId: input.id, detail: {} });
      return { cancelled: true, status: 'cancelled' };
    }),

  /** Live view of a run over SSE: a fresh snapshot whenever it changes, until it ends. */
  watch: permitted('pipeline.read')
    .input(z.object({ id: runId }))
    .subscription(async function* ({ ctx, input, signal }) {
      let last = '';
      let sentAt = 0;
      while (!signal?.aborted) {
        // Re-read every change notice or second: on Postgres (and for other processes' writes on
        // SQLite) the poll is what sees a change, as no in-process notice arrives.
        const read = await readRun(ctx.anyDb, input.id);
        if (!read) throw notFound(`Run ${input.id}`);
        // The same shape as run.get: each snapshot replaces the cached answer of run.get.
        const run = { ...read, cancelRefusal: cancelRefusal(ctx.user, read) };
        const text = JSON.stringify(run);
        if (text !== last) {
          last = text;
          sentAt = Date.now();
          yield run;
        }
        if (TERMINAL.has(run.status)) return;
        await nextChange(input.id, 1000, signal);
        // Epochs can end milliseconds apart and a snapshot carries each step's progress series:
        // changes that come faster than this are sent together in the next snapshot.
        await pause(MIN_SNAPSHOT_INTERVAL_MS - (Date.now() - sentAt), signal);
      }
    }),
});

/** Waits for an in-process change notice, or the poll interval (changes made by other processes). */
function nextChange(id: string, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      runEvents.off(id, done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    runEvents.on(id, done);
    signal?.addEventListener('abort', done, { once: true });
  });
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
