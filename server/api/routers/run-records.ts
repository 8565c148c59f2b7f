// run.record, run.table, run.columns, run.trials, run.compare and run.reproduce: runs as records, the runs
// table, side-by-side comparison and reproduction. A record of procedures that run.ts spreads into
// its router, so they sit under `run.` with the other run verbs.
import { z } from 'zod';
import { audit } from '../../auth/audit';
import { getEnv } from '../../env';
import { compareRuns } from '../../runs/compare-runs';
import { reproduceRun } from '../../runs/reproduce-run';
import { readRunRecord, reproductionCheck } from '../../runs/run-record';
import { FILTER_OPS, FilterError, queryRunTable, runColumns } from '../../runs/run-table';
import { readTrials } from '../../runs/trial-runs';
import { notFound, userError } from '../errors';
import { permitted } from '../trpc';
import { serverSpeedFor } from '../../training/server-speed';
import { browserOffer } from './browser-offer';

const runId = z.string().uuid();
const key = z.string().min(1).max(300);
const scope = z.union([
  z.object({ pipelineId: z.string().min(1).max(64) }).strict(),
  z.object({ projectId: z.string().min(1).max(64) }).strict(),
  z.object({ parentRunId: runId }).strict(),
]);
const field = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('metric'), key }),
  z.object({ kind: z.literal('param'), key }),
  z.object({ kind: z.literal('created') }),
  z.object({ kind: z.literal('duration') }),
  z.object({ kind: z.literal('status') }),
  z.object({ kind: z.literal('version') }),
]);
const tableInput = z.object({
  scope,
  metrics: z.array(key).max(50).default([]),
  params: z.array(key).max(50).default([]),
  sort: z.object({ field, dir: z.enum(['asc', 'desc']) }).default({ field: { kind: 'created' }, dir: 'desc' }),
  filters: z.array(z.object({ field, op: z.enum(FILTER_OPS), value: z.union([z.string().max(2000), z.number().finite()]) })).max(20).default([]),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

export const runRecordProcedures = {
  /** One run as a record: pipeline version, params, dataset versions, metrics, related runs. */
  record: permitted('pipeline.read')
    .input(z.object({ id: runId }))
    .query(async ({ ctx, input }) => {
      const record = await readRunRecord(ctx.anyDb, input.id);
      if (!record) throw notFound(`Run ${input.id}`);
      return { ...record, reproduction: await reproductionCheck(ctx.anyDb, input.id) };
    }),

  /** A page of runs with chosen metric and param columns, sorted and filtered in SQL. */
  table: permitted('pipeline.read')
    .input(tableInput)
    .query(async ({ ctx, input }) => {
      try {
        return await queryRunTable(ctx.anyDb, input);
      } catch (error) {
        if (error instanceof FilterError) throw userError(`Filter: ${error.message}`, { field: 'filters' });
        throw error;
      }
    }),

  /** The metric and param keys a scope's runs have, for choosing columns. */
  columns: permitted('pipeline.read')
    .input(z.object({ scope }))
    .query(({ ctx, input }) => runColumns(ctx.anyDb, input.scope)),

  /** Every trial of one search step (its child runs) with params and score, for its chart. */
  trials: permitted('pipeline.read')
    .input(z.object({ id: runId, stepId: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => readTrials(ctx.anyDb, input.id, input.stepId)),

  /** 2–10 runs side by side: params, metrics, ROC/PR curves and loss series. */
  compare: permitted('pipeline.read')
    .input(z.object({ ids: z.array(runId).min(2, 'Choose at least two runs to compare').max(10, 'Compare at most ten runs at a time') }))
    .query(async ({ ctx, input }) => {
      const ids = [...new Set(input.ids)];
      if (ids.length < 2) throw userError('Choose at least two different runs to compare');
      const compared = await compareRuns(ctx.anyDb, getEnv().PIPEWORKS_DATA_DIR, ids);
      if (compared.missing.length) throw notFound(`Run ${compared.missing.join(', ')}`);
      return compared;
    }),

  /** Runs a run's pipeline version again on the dataset versions it read. */
  reproduce: permitted('run.start')
    .input(z.object({ id: runId, rerunAll: z.boolean().default(true), browser: browserOffer.optional() }))
    .mutation(async ({ ctx, input }) => {
      const started = await reproduceRun(ctx.anyDb, getEnv().PIPEWORKS_DATA_DIR, { runId: input.id, userId: ctx.user.id, rerunAll: input.rerunAll, browser: input.browser, serverSpeed: await serverSpeedFor(input.browser) });
      await audit(ctx.anyDb, { userId: ctx.user.id, action: 'run.start', targetType: 'run', targetId: started.runId, detail: { reproduces: input.id, version: started.version } });
      return started;
    }),
};
