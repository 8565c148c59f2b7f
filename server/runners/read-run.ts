import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { runs, stepRuns } from '../db/schema';

/** A run with its step runs in plan order (the plan itself stays server-side). */
export function readRun(db: Db, id: string) {
  const run = db.select().from(runs).where(eq(runs.id, id)).get();
  if (!run) return null;
  const steps = db.select().from(stepRuns).where(eq(stepRuns.runId, id)).all();
  const order = new Map((run.plan as { steps: { id: string }[] }).steps.map((s, i) => [s.id, i]));
  steps.sort((a, b) => (order.get(a.stepId) ?? 0) - (order.get(b.stepId) ?? 0));
  const { plan: _plan, ...rest } = run;
  return { ...rest, steps };
}

export type RunDetail = NonNullable<ReturnType<typeof readRun>>;
