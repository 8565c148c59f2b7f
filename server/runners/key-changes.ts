// Why each step's cache key differs from the last time the pipeline ran that step, recorded with
// the run so the run page can say why a step ran again ("code changed (Pipeworks upgraded)").
import { desc, eq } from 'drizzle-orm';
import { explainCacheMiss } from '../../engine/cache-key';
import type { Plan } from '../../engine/plan';
import type { AnyDb } from '../db/any-db';

/** How many earlier runs are searched for the last plan a step appeared in. */
const HISTORY_LIMIT = 50;

/** Step id → reasons; a step absent from every earlier plan, or keyed as before, gets []. */
export async function keyChangesSincePreviousRuns(db: AnyDb, plan: Plan): Promise<Map<string, string[]>> {
  const { runs } = db.t;
  const rows = await db.select({ plan: runs.plan }).from(runs).where(eq(runs.pipelineId, plan.pipelineId)).orderBy(desc(runs.createdAt)).limit(HISTORY_LIMIT);
  return explain(plan, rows.map((r) => r.plan as Plan));
}

function explain(plan: Plan, history: Plan[]): Map<string, string[]> {
  return new Map(plan.steps.map((step) => {
    const prev = history.map((p) => p.steps.find((s) => s.id === step.id)).find((s) => s !== undefined);
    return [step.id, prev ? explainCacheMiss(prev, step) : []];
  }));
}
