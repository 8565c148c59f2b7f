// Runner health for the monitoring page: per node type, how long its recent steps took and their
// peak memory, from step_runs; and the queue now — steps queued and running across all runs.
import { and, count, desc, eq, isNotNull } from 'drizzle-orm';
import { first, type AnyDb } from '../../db/any-db';

export interface StepTypeHealth {
  nodeType: string;
  steps: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Largest peak memory reported, in bytes; null when no step of the type reported one. */
  peakMemoryBytes: number | null;
}

/** The step runs of the last `limit` executed (not cached) steps, grouped by node type. */
export async function runnerHealth(db: AnyDb, limit = 1000) {
  const { stepRuns } = db.t;
  const rows = await db
    .select({ nodeType: stepRuns.nodeType, startedAt: stepRuns.startedAt, finishedAt: stepRuns.finishedAt, peak: stepRuns.peakMemoryBytes })
    .from(stepRuns)
    .where(and(eq(stepRuns.status, 'succeeded'), isNotNull(stepRuns.startedAt), isNotNull(stepRuns.finishedAt)))
    .orderBy(desc(stepRuns.finishedAt))
    .limit(limit);
  const byType = new Map<string, { durations: number[]; peak: number | null }>();
  for (const r of rows) {
    const entry = byType.get(r.nodeType) ?? { durations: [], peak: null };
    entry.durations.push(Math.max(0, (r.finishedAt ?? 0) - (r.startedAt ?? 0)));
    if (r.peak !== null) entry.peak = Math.max(entry.peak ?? 0, r.peak);
    byType.set(r.nodeType, entry);
  }
  const types: StepTypeHealth[] = [...byType].map(([nodeType, { durations, peak }]) => {
    const sorted = durations.sort((a, b) => a - b);
    return { nodeType, steps: sorted.length, medianMs: rank(sorted, 0.5), p95Ms: rank(sorted, 0.95), maxMs: sorted[sorted.length - 1], peakMemoryBytes: peak };
  });
  types.sort((a, b) => b.p95Ms - a.p95Ms || a.nodeType.localeCompare(b.nodeType));
  const inState = async (status: 'queued' | 'running') => first(await db.select({ n: count() }).from(stepRuns).where(eq(stepRuns.status, status)))?.n ?? 0;
  return { sampled: rows.length, types, queued: await inState('queued'), running: await inState('running') };
}

/** Nearest-rank percentile of sorted values. */
export function rank(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
