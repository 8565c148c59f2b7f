// After each scheduler tick: retrain runs that trigger fires started for an endpoint and that have
// ended, but have no challenge yet, get one. The endpoint is the trigger's, or the one whose
// monitor settings name the trigger's pipeline as its retrain pipeline. Durable by construction:
// "ended and no challenges row" is re-read every tick, so a restart settles what it missed.
import { and, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Plan } from '../../engine/plan';
import { first, type AnyDb } from '../db/any-db';
import { runChallenge } from './challenge';
import type { ComputeStep } from './score-on-holdout';

const ENDED = ['succeeded', 'failed', 'cancelled'] as const;
const judging = new Set<string>();

export async function settleRetrainRuns(db: AnyDb, dataDir: string, compute: ComputeStep): Promise<{ runId: string; decision: string }[]> {
  const { challenges, endpoints, monitorSettings, runs, trainingTriggers, triggerFires } = db.t;
  const endpointOf = sql<string | null>`coalesce(${trainingTriggers.endpointId}, (select ${monitorSettings.endpointId} from ${monitorSettings} where ${monitorSettings.retrainPipelineId} = ${trainingTriggers.pipelineId} limit 1))`;
  const pending = await db
    .select({ fireId: triggerFires.id, runId: runs.id, status: runs.status, plan: runs.plan, errorMessage: runs.errorMessage, userId: trainingTriggers.createdBy, endpointId: endpointOf })
    .from(triggerFires)
    .innerJoin(trainingTriggers, eq(trainingTriggers.id, triggerFires.triggerId))
    .innerJoin(runs, eq(runs.id, triggerFires.runId))
    .leftJoin(challenges, eq(challenges.runId, runs.id))
    .where(and(isNotNull(triggerFires.runId), inArray(runs.status, [...ENDED]), isNull(challenges.id), or(isNotNull(trainingTriggers.endpointId), sql`${endpointOf} is not null`)))
    .orderBy(triggerFires.firedAt, triggerFires.id)
    .limit(20);
  const settled: { runId: string; decision: string }[] = [];
  for (const row of pending) {
    if (!row.endpointId || judging.has(row.runId)) continue;
    const endpoint = first(await db.select().from(endpoints).where(eq(endpoints.id, row.endpointId)).limit(1));
    if (!endpoint) continue;
    judging.add(row.runId);
    try {
      const result = await runChallenge(db, dataDir, compute, { endpoint, run: { id: row.runId, status: row.status, plan: row.plan as Plan, errorMessage: row.errorMessage }, fireId: row.fireId, userId: row.userId });
      if (result) settled.push({ runId: row.runId, decision: result.decision });
    } finally {
      judging.delete(row.runId);
    }
  }
  return settled;
}
