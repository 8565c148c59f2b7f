// Each hyperparameter-search trial as a child run of the run whose search step tried it, with the
// searched values as its params and the validation score as its metric, so a search's trials sort,
// filter and chart with the same queries as any runs.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { SearchResult } from '../../nodes/result-metrics';
import { first, type AnyDb } from '../db/any-db';
import { withTransaction } from '../db/transaction';
import { paramRows } from './param-rows';
import { chunks } from './run-records';

export async function writeTrialRuns(db: AnyDb, parentRunId: string, stepId: string, search: SearchResult): Promise<void> {
  const { runMetrics, runParams, runs } = db.t;
  const parent = first(await db.select().from(runs).where(eq(runs.id, parentRunId)).limit(1));
  if (!parent) return;
  const finishedAt = Date.now();
  // Trials ran one after another and ended with the step: walk back from its end.
  const ends: number[] = [];
  let end = finishedAt;
  for (let i = search.trials.length - 1; i >= 0; i--) {
    ends[i] = end;
    end -= search.trials[i].durationMs;
  }
  const plan = { pipelineId: parent.plan.pipelineId, docHash: parent.plan.docHash, steps: [], warnings: [] };
  const runRows: (typeof runs.$inferInsert)[] = [];
  const paramValues: (typeof runParams.$inferInsert)[] = [];
  const metricValues: (typeof runMetrics.$inferInsert)[] = [];
  search.trials.forEach((trial, i) => {
    const id = randomUUID();
    runRows.push({
      id,
      pipelineId: parent.pipelineId,
      pipelineVersionId: parent.pipelineVersionId,
      status: trial.value === null ? 'failed' : 'succeeded',
      plan,
      trigger: parent.trigger,
      createdBy: parent.createdBy,
      createdAt: ends[i] - trial.durationMs,
      startedAt: ends[i] - trial.durationMs,
      finishedAt: ends[i],
      errorCode: trial.value === null ? 'node_failed' : null,
      errorMessage: trial.error ?? null,
      parentRunId,
      parentStepId: stepId,
      name: `Trial ${trial.trial}`,
      recordsIndexed: true,
    });
    for (const row of paramRows(stepId, trial.params)) paramValues.push({ runId: id, ...row });
    if (trial.value !== null) metricValues.push({ runId: id, stepId, key: `${stepId}.${search.metric}`, value: trial.value });
    metricValues.push({ runId: id, stepId, key: `${stepId}.trial`, value: trial.trial });
  });
  // Built above, so the transaction holds the database only for its writes.
  await withTransaction(db, async (tx) => {
    await tx.delete(runs).where(and(eq(runs.parentRunId, parentRunId), eq(runs.parentStepId, stepId)));
    for (const part of chunks(runRows)) await tx.insert(runs).values(part);
    for (const part of chunks(paramValues)) await tx.insert(runParams).values(part);
    for (const part of chunks(metricValues)) await tx.insert(runMetrics).values(part);
  });
}

/** Every trial of one search step with its params and score, for the search's chart. */
export async function readTrials(db: AnyDb, parentRunId: string, stepId: string) {
  const { runMetrics, runParams, runs } = db.t;
  const children = await db
    .select({ id: runs.id, name: runs.name, status: runs.status, errorMessage: runs.errorMessage })
    .from(runs)
    .where(and(eq(runs.parentRunId, parentRunId), eq(runs.parentStepId, stepId)));
  const ids = children.map((c) => c.id);
  const params = ids.length ? await db.select().from(runParams).where(inArray(runParams.runId, ids)) : [];
  const metrics = ids.length ? await db.select().from(runMetrics).where(inArray(runMetrics.runId, ids)) : [];
  const trialKey = `${stepId}.trial`;
  const metricKey = metrics.find((m) => m.key !== trialKey)?.key ?? null;
  const trials = children
    .map((c) => ({
      ...c,
      trial: metrics.find((m) => m.runId === c.id && m.key === trialKey)?.value ?? null,
      value: metricKey ? (metrics.find((m) => m.runId === c.id && m.key === metricKey)?.value ?? null) : null,
      params: Object.fromEntries(params.filter((p) => p.runId === c.id).map((p) => [p.key, { value: p.value, num: p.num }])),
    }))
    .sort((a, b) => (a.trial ?? 0) - (b.trial ?? 0));
  return { metricKey, trials };
}
