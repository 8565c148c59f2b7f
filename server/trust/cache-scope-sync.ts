// pg: runs, compile. cache-scope's reads on the legacy sync Db, for the cache look-up, the browser
// runner's reuse check and the plan preview until they await the AnyDb forms; then this file goes.
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { ArtifactRef } from '../../engine/plan';
import type { Db } from '../db/client';
import { artifacts, pipelines, projects, runs, stepRuns, users } from '../db/schema';
import { CANDIDATES, notReusing, policyAllows, producerRows, QUARANTINED, trustVerdict, type CacheConsumer, type Producer, type Refusal } from './cache-scope';

export function consumerForSync(db: Db, userId: string | null, pipelineId: string): CacheConsumer | null {
  const row = db
    .select({ projectId: pipelines.projectId, policy: projects.cachePolicy })
    .from(pipelines)
    .innerJoin(projects, eq(projects.id, pipelines.projectId))
    .where(eq(pipelines.id, pipelineId))
    .get();
  return row ? { userId, projectId: row.projectId, policy: row.policy } : null;
}

export function consumerForRunSync(db: Db, runId: string): CacheConsumer | null {
  const run = db.select({ createdBy: runs.createdBy, pipelineId: runs.pipelineId }).from(runs).where(eq(runs.id, runId)).get();
  return run ? consumerForSync(db, run.createdBy, run.pipelineId) : null;
}

export function producersOfSync(db: Db, cacheKey: string, exceptRunId?: string): Producer[] {
  const sameKey = and(eq(stepRuns.cacheKey, cacheKey), eq(stepRuns.status, 'succeeded'));
  const rows = db
    .select({ runId: stepRuns.runId, outputs: stepRuns.outputs, trust: stepRuns.trust, runner: stepRuns.runner, ranBy: stepRuns.ranBy, projectId: pipelines.projectId })
    .from(stepRuns)
    .innerJoin(runs, eq(runs.id, stepRuns.runId))
    .innerJoin(pipelines, eq(pipelines.id, runs.pipelineId))
    .where(exceptRunId ? and(sameKey, ne(stepRuns.runId, exceptRunId)) : sameKey)
    .orderBy(desc(stepRuns.finishedAt), desc(stepRuns.runId))
    .limit(CANDIDATES)
    .all();
  return producerRows(rows);
}

export function refusalSync(db: Db, consumer: CacheConsumer | null, producer: Producer): Refusal {
  const verdict = trustVerdict(db, consumer, producer);
  if (verdict !== 'unverified') return verdict;
  if (quarantinedSync(db, producer.outputs)) return QUARANTINED;
  if (policyAllows(consumer, producer)) return null;
  const name = producer.ranBy ? db.select({ name: users.name }).from(users).where(eq(users.id, producer.ranBy)).get()?.name : undefined;
  return notReusing(consumer, name);
}

function quarantinedSync(db: Db, outputs: Record<string, ArtifactRef>): boolean {
  const ids = Object.values(outputs).map((ref) => ref.id);
  if (ids.length === 0) return false;
  return db.select({ at: artifacts.quarantinedAt }).from(artifacts).where(inArray(artifacts.id, ids)).all().some((row) => row.at !== null);
}
