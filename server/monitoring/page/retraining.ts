// An endpoint's retraining history: each firing of a trigger aimed at it (with the run it
// started, or why none did) and each challenge of its champion, newest first.
import { desc, eq, inArray } from 'drizzle-orm';
import type { AnyDb } from '../../db/any-db';

export async function retrainingHistory(db: AnyDb, endpointId: string, limit = 50) {
  const { challenges, modelVersions, trainingTriggers, triggerFires } = db.t;
  const fires = await db
    .select({ id: triggerFires.id, firedAt: triggerFires.firedAt, runId: triggerFires.runId, error: triggerFires.error, kind: trainingTriggers.kind, pipelineId: trainingTriggers.pipelineId, dedupeKey: triggerFires.dedupeKey })
    .from(triggerFires)
    .innerJoin(trainingTriggers, eq(trainingTriggers.id, triggerFires.triggerId))
    .where(eq(trainingTriggers.endpointId, endpointId))
    .orderBy(desc(triggerFires.firedAt))
    .limit(limit);
  const rows = await db
    .select({
      id: challenges.id,
      createdAt: challenges.createdAt,
      decidedAt: challenges.decidedAt,
      decision: challenges.decision,
      runId: challenges.runId,
      triggerFireId: challenges.triggerFireId,
      figures: challenges.figures,
      championVersionId: challenges.championVersionId,
      challengerVersionId: challenges.challengerVersionId,
    })
    .from(challenges)
    .where(eq(challenges.endpointId, endpointId))
    .orderBy(desc(challenges.createdAt))
    .limit(limit);
  // The champion's and challenger's model and number, read once for all: a table aliased twice in
  // one join is written per dialect in Drizzle, two plain queries are not.
  const versionIds = [...new Set(rows.flatMap((c) => [c.championVersionId, c.challengerVersionId]).filter((v): v is string => v !== null))];
  const versions = new Map(
    versionIds.length === 0
      ? []
      : (await db.select({ id: modelVersions.id, modelId: modelVersions.modelId, version: modelVersions.version }).from(modelVersions).where(inArray(modelVersions.id, versionIds))).map((v) => [v.id, v]),
  );
  const judged = rows.map(({ championVersionId, challengerVersionId, ...c }) => {
    const champion = championVersionId === null ? undefined : versions.get(championVersionId);
    const challenger = challengerVersionId === null ? undefined : versions.get(challengerVersionId);
    return {
      ...c,
      championModelId: champion?.modelId ?? null,
      championVersion: champion?.version ?? null,
      challengerModelId: challenger?.modelId ?? null,
      challengerVersion: challenger?.version ?? null,
    };
  });
  return { fires, challenges: judged };
}
