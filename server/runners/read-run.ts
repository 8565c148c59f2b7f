import { and, eq, inArray } from 'drizzle-orm';
import { first, type AnyDb } from '../db/any-db';
import type { ProgressPoint } from '../db/schema';

type StepRunRow = AnyDb['t']['stepRuns']['$inferSelect'];

/** A run with its step runs in plan order (the plan itself stays server-side). */
export async function readRun(db: AnyDb, id: string) {
  const { runs, stepRuns, pipelineVersions } = db.t;
  const run = first(await db.select().from(runs).where(eq(runs.id, id)).limit(1));
  if (!run) return null;
  const rows = await db.select().from(stepRuns).where(eq(stepRuns.runId, id));
  const planned = (run.plan as { steps: { id: string; placement?: string }[] }).steps;
  const order = new Map(planned.map((s, i) => [s.id, i]));
  // Where the plan put each step: a queue worker ran a 'browser' step in its headless browser.
  const placement = new Map(planned.map((s) => [s.id, s.placement === 'browser' ? ('browser' as const) : ('server' as const)]));
  rows.sort((a, b) => (order.get(a.stepId) ?? 0) - (order.get(b.stepId) ?? 0));
  const produced = await producerSeries(db, rows);
  const names = await personNames(db, rows);
  const steps = rows.map((s) => ({
    ...(s.status === 'cached' && !s.progressSeries ? { ...s, progressSeries: produced.get(s.id) ?? null } : s),
    ranByName: s.ranBy ? (names.get(s.ranBy) ?? null) : null,
    placement: placement.get(s.stepId) ?? null,
  }));
  const { plan: _plan, ...rest } = run;
  const version = run.pipelineVersionId
    ? (first(await db.select({ version: pipelineVersions.version }).from(pipelineVersions).where(eq(pipelineVersions.id, run.pipelineVersionId)).limit(1))?.version ?? null)
    : null;
  return { ...rest, version, steps };
}

/** Names of the people whose runs computed these steps' outputs (provenance, issue 22). */
async function personNames(db: AnyDb, rows: StepRunRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.ranBy).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const { users } = db.t;
  return new Map((await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))).map((u) => [u.id, u.name]));
}

/**
 * A cached step did no work in this run, but its outputs are the producer's, and so is the
 * training curve behind them: keyed by this run's step-run id.
 */
async function producerSeries(db: AnyDb, rows: StepRunRow[]): Promise<Map<string, ProgressPoint[]>> {
  const cached = rows.filter((s) => s.status === 'cached' && s.cachedFromRunId && s.cacheKey && !s.progressSeries);
  const found = new Map<string, ProgressPoint[]>();
  if (cached.length === 0) return found;
  const { stepRuns } = db.t;
  const producers = await db
    .select({ runId: stepRuns.runId, cacheKey: stepRuns.cacheKey, progressSeries: stepRuns.progressSeries })
    .from(stepRuns)
    .where(and(inArray(stepRuns.runId, [...new Set(cached.map((s) => s.cachedFromRunId!))]), inArray(stepRuns.cacheKey, cached.map((s) => s.cacheKey!))));
  for (const s of cached) {
    const producer = producers.find((p) => p.runId === s.cachedFromRunId && p.cacheKey === s.cacheKey);
    if (producer?.progressSeries) found.set(s.id, producer.progressSeries);
  }
  return found;
}

export type RunDetail = NonNullable<Awaited<ReturnType<typeof readRun>>>;
