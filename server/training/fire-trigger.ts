// Firing a training trigger: claim the fire by inserting its trigger_fires row (the unique
// (trigger, dedupe key) index lets exactly one claim through, whichever process or restart tries),
// then (where the trigger says so) save the endpoint's labelled traffic as the next version of its
// dataset, start the pipeline run through the same startRun as the Run button, and record the run
// or why none started. Every fire is audited.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DocumentIssuesError, UserError } from '../../engine/errors';
import { assertNever } from '../../engine/assert-never';
import { audit } from '../auth/audit';
import { first, type AnyDb } from '../db/any-db';
import type { RunTrigger, TrainingTrigger, TrainingTriggerKind } from '../db/schema';
import { startRun } from '../pipelines/start-run';
import { saveLabelledTraffic } from './labelled-traffic';

export type FireOutcome = { state: 'claimed_elsewhere' } | { state: 'started'; fireId: string; runId: string } | { state: 'failed'; fireId: string; error: string };

export function runTriggerOf(kind: TrainingTriggerKind): RunTrigger {
  switch (kind) {
    case 'cron':
      return 'schedule';
    case 'dataset':
      return 'dataset';
    case 'alert':
      return 'alert';
    default:
      return assertNever(kind, 'trigger kind');
  }
}

/** `dedupeKey`: the scheduled minute (ISO), the dataset version id or the alert id. */
export async function fireTrigger(db: AnyDb, dataDir: string, trigger: TrainingTrigger, dedupeKey: string, now: number, reason: Record<string, unknown> = {}): Promise<FireOutcome> {
  const { trainingTriggers, triggerFires } = db.t;
  const fireId = randomUUID();
  const claimed = first(await db.insert(triggerFires).values({ id: fireId, triggerId: trigger.id, dedupeKey, firedAt: now }).onConflictDoNothing().returning({ id: triggerFires.id }));
  if (!claimed) return { state: 'claimed_elsewhere' };
  await db.update(trainingTriggers).set({ lastFiredAt: now }).where(eq(trainingTriggers.id, trigger.id));
  const detail: Record<string, unknown> = { triggerId: trigger.id, kind: trigger.kind, pipelineId: trigger.pipelineId, dedupeKey, ...reason };
  try {
    if (trigger.trafficDataset && trigger.endpointId) {
      const saved = await saveLabelledTraffic(db, dataDir, trigger.endpointId, trigger.trafficDataset, trigger.createdBy);
      Object.assign(detail, { trafficDataset: saved.dataset.name, trafficVersion: saved.version.version, trafficRows: saved.version.rows, datasetVersionId: saved.version.id });
    }
    const { runId } = await startRun(db, { pipelineId: trigger.pipelineId, trigger: runTriggerOf(trigger.kind), userId: trigger.createdBy });
    await db.update(triggerFires).set({ runId }).where(eq(triggerFires.id, fireId));
    await audit(db, { userId: trigger.createdBy, action: 'trigger.fire', targetType: 'run', targetId: runId, detail: { ...detail, fireId } });
    return { state: 'started', fireId, runId };
  } catch (error) {
    // A pipeline that no longer compiles is the user's to fix; the fire says why, the loop goes on.
    const message = error instanceof UserError ? withIssues(error) : `The run could not start: ${(error as Error).message}`;
    if (!(error instanceof UserError)) console.error(`[scheduler] trigger ${trigger.id} could not start its run`, error);
    await db.update(triggerFires).set({ error: message }).where(eq(triggerFires.id, fireId));
    await audit(db, { userId: trigger.createdBy, action: 'trigger.fire_failed', targetType: 'training_trigger', targetId: trigger.id, detail: { ...detail, fireId, error: message } });
    return { state: 'failed', fireId, error: message };
  }
}

/** "The pipeline has 1 problem; fix them before running: ingest: Dataset "x" …" — the fire is read without the canvas. */
function withIssues(error: UserError): string {
  if (!(error instanceof DocumentIssuesError)) return error.message;
  const errors = error.issues.filter((i) => i.severity === 'error').slice(0, 3);
  return `${error.message}: ${errors.map((i) => (i.nodeId ? `${i.nodeId}: ${i.message}` : i.message)).join('; ')}`;
}
