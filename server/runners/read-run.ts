import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { pipelineVersions, runs, stepRuns, users, type ProgressPoint } from '../db/schema';

/** A run with its step runs in plan order (the plan itself stays server-side). */
export function readRun(db: Db, id: string) {
  const run = db.select().from(runs).where(eq(runs.id, id)).get();
  if (!run) return null;
  const rows = db.select().from(stepRuns).where(eq(stepRuns.runId, id)).all();
  const order = new Map((run.plan as { steps: { id: string }[] }).steps.map((s, i) => [s.id, i]));
  rows.sort((a, b) => (order.get(a.stepId) ?? 0) - (order.get(b.stepId) ?? 0));
  const produced = producerSeries(db, rows);
  const names = personNames(db, rows);
  const steps = rows.map((s) => ({
    ...(s.status === 'cached' && !s.progressSeries ? { ...s, progressSeries: produced.get(s.id) ?? null } : s),
    ranByName: s.ranBy ? (names.get(s.ranBy) ?? null) : null,
  }));
  const { plan: _plan, ...rest } = run;
  const version = run.pipelineVersionId ? (db.select({ version: pipelineVersions.version }).from(pipelineVersions).where(eq(pipelineVersions.id, run.pipelineVersionId)).get()?.version ?? null) : null;
  return { ...rest, version, steps };
}

/** Names of the people whose runs computed these steps' outputs (provenance, issue 22). */
function personNames(db: Db, rows: (typeof stepRuns.$inferSelect)[]): Map<string, string> {
  const ids = [...new Set(rows.map((r) => r.ranBy).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  return new Map(db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)).all().map((u) => [u.id, u.name]));
}

/**
 * A cached step did no work in this run, but its outputs are the producer's, and so is the
 * training curve behind them: keyed by this run's step-run id.
 */
function producerSeries(db: Db, rows: (typeof stepRuns.$inferSelect)[]): Map<string, ProgressPoint[]> {
  const cached = rows.filter((s) => s.status === 'cached' && s.cachedFromRunId && s.cacheKey && !s.progressSeries);
  const found = new Map<string, ProgressPoint[]>();
  if (cached.length === 0) return found;
  const producers = db
    .select({ runId: stepRuns.runId, cacheKey: stepRuns.cacheKey, progressSeries: stepRuns.progressSeries })
    .from(stepRuns)
    .where(and(inArray(stepRuns.runId, [...new Set(cached.map((s) => s.cachedFromRunId!))]), inArray(stepRuns.cacheKey, cached.map((s) => s.cacheKey!))))
    .all();
  for (const s of cached) {
    const producer = producers.find((p) => p.runId === s.cachedFromRunId && p.cacheKey === s.cacheKey);
    if (producer?.progressSeries) found.set(s.id, producer.progressSeries);
  }
  return found;
}

export type RunDetail = NonNullable<ReturnType<typeof readRun>>;
