// Runs recorded before run_params and run_metrics existed get their rows at start-up: params and
// dataset versions from the stored plan, metrics from the outputs of their finished steps. Old
// runs then sort, filter and compare like new ones. Idempotent, and a run is marked once done.
import { and, eq, inArray } from 'drizzle-orm';
import type { AnyDb } from '../db/any-db';
import { withTransaction } from '../db/transaction';
import { indexStepResults } from './index-step';
import { recordRunInputs } from './run-records';

const BATCH = 50;

export async function backfillRunRecords(db: AnyDb, dataDir: string): Promise<number> {
  const { runs, stepRuns } = db.t;
  let done = 0;
  for (;;) {
    const batch = await db.select({ id: runs.id, plan: runs.plan }).from(runs).where(eq(runs.recordsIndexed, false)).limit(BATCH);
    if (batch.length === 0) return done;
    for (const run of batch) {
      await withTransaction(db, (tx) => recordRunInputs(tx, run.id, run.plan));
      const finished = await db
        .select({ stepId: stepRuns.stepId, outputs: stepRuns.outputs })
        .from(stepRuns)
        .where(and(eq(stepRuns.runId, run.id), inArray(stepRuns.status, ['succeeded', 'cached'])));
      for (const row of finished) {
        const step = run.plan.steps.find((s) => s.id === row.stepId);
        if (step && row.outputs) await indexStepResults(db, dataDir, run.id, step, row.outputs);
      }
      await db.update(runs).set({ recordsIndexed: true }).where(eq(runs.id, run.id));
      done++;
    }
  }
}
