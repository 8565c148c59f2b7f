// An endpoint's retraining history: each firing of a trigger aimed at it (with the run it
// started, or why none did) and each challenge of its champion, newest first.
import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { challenges, modelVersions, trainingTriggers, triggerFires } from '../../db/schema';

const champion = alias(modelVersions, 'champion');
const challenger = alias(modelVersions, 'challenger');

export function retrainingHistory(db: Db, endpointId: string, limit = 50) {
  const fires = db
    .select({ id: triggerFires.id, firedAt: triggerFires.firedAt, runId: triggerFires.runId, error: triggerFires.error, kind: trainingTriggers.kind, pipelineId: trainingTriggers.pipelineId, dedupeKey: triggerFires.dedupeKey })
    .from(triggerFires)
    .innerJoin(trainingTriggers, eq(trainingTriggers.id, triggerFires.triggerId))
    .where(eq(trainingTriggers.endpointId, endpointId))
    .orderBy(desc(triggerFires.firedAt))
    .limit(limit)
    .all();
  const judged = db
    .select({
      id: challenges.id,
      createdAt: challenges.createdAt,
      decidedAt: challenges.decidedAt,
      decision: challenges.decision,
      runId: challenges.runId,
      triggerFireId: challenges.triggerFireId,
      figures: challenges.figures,
      championModelId: champion.modelId,
      championVersion: champion.version,
      challengerModelId: challenger.modelId,
      challengerVersion: challenger.version,
    })
    .from(challenges)
    .leftJoin(champion, eq(champion.id, challenges.championVersionId))
    .leftJoin(challenger, eq(challenger.id, challenges.challengerVersionId))
    .where(eq(challenges.endpointId, endpointId))
    .orderBy(desc(challenges.createdAt))
    .limit(limit)
    .all();
  return { fires, challenges: judged };
}
