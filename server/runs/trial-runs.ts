// Each hyperparameter-search trial as a child run of the run whose search step tried it, with the
// searched values as its params and the validation score as its metric, so a search's trials sort,
// filter and chart with the same queries as any runs.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { SearchResult } from '../../nodes/result-metrics';
import type { AnyDb } from '../db/any-db';
import type { Db } from '../db/client';
import { runMetrics, runParams, runs } from '../db/schema';
import { paramRows } from './param-rows';

export function writeTrialRuns(db: Db, parentRunId: string, stepId: string, search: SearchResult): void {
  const parent = db.select().from(runs).where(eq(runs.id, parentRunId)).get();
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
  db.transaction((tx) => {
    tx.delete(runs).where(and(eq(runs.parentRunId, parentRunId), eq(runs.parentStepId, stepId))).run();
    search.trials.forEach((trial, i) => {
      const id = randomUUID();
      tx.insert(runs)
        .values({
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
        })
        .run();
      for (const row of paramRows(stepId, trial.params)) tx.insert(runParams).values({ runId: id, ...row }).run();
      if (trial.value !== null) tx.insert(runMetrics).values({ runId: id, stepId, key: `${stepId}.${search.metric}`, value: trial.value }).run();
      tx.insert(runMetrics).values({ runId: id, stepId, key: `${stepId}.trial`, value: trial.trial }).run();
    });
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
