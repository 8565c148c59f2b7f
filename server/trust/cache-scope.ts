// Whose results a run may reuse from the cache. Keys stay content-based; this decides which of a
// key's producers count: only from projects the person can read, never a quarantined or failed
// one, and a browser's unverified result only as far as the project's cache policy allows.
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { ArtifactRef } from '../../engine/plan';
import type { Db } from '../db/client';
import { artifacts, pipelines, projects, runs, stepRuns, users } from '../db/schema';
import { cachePolicyPhrase, trustOf, type CachePolicy, type ResultTrust } from './result-trust';

/** The run (or the person previewing one) that would reuse a result. */
export interface CacheConsumer {
  userId: string | null;
  projectId: string;
  policy: CachePolicy;
}

/**
 * The projects a person may read. Every signed-in role reads every project today; per-project
 * access control changes this one function. `null` (a system run: CLI, schedule) reads all.
 */
export function readableProjectIds(_db: Db, _userId: string | null): 'all' | Set<string> {
  return 'all';
}

export function consumerFor(db: Db, userId: string | null, pipelineId: string): CacheConsumer | null {
  const row = db
    .select({ projectId: pipelines.projectId, policy: projects.cachePolicy })
    .from(pipelines)
    .innerJoin(projects, eq(projects.id, pipelines.projectId))
    .where(eq(pipelines.id, pipelineId))
    .get();
  return row ? { userId, projectId: row.projectId, policy: row.policy } : null;
}

export function consumerForRun(db: Db, runId: string): CacheConsumer | null {
  const run = db.select({ createdBy: runs.createdBy, pipelineId: runs.pipelineId }).from(runs).where(eq(runs.id, runId)).get();
  return run ? consumerFor(db, run.createdBy, run.pipelineId) : null;
}

export interface Producer {
  runId: string;
  outputs: Record<string, ArtifactRef>;
  trust: ResultTrust;
  ranBy: string | null;
  projectId: string;
}

/** How many of a key's newest producers are considered before giving up. */
const CANDIDATES = 20;

/** Succeeded producers of `cacheKey`, newest first, other than `exceptRunId`'s. */
export function producersOf(db: Db, cacheKey: string, exceptRunId?: string): Producer[] {
  const sameKey = and(eq(stepRuns.cacheKey, cacheKey), eq(stepRuns.status, 'succeeded'));
  return db
    .select({ runId: stepRuns.runId, outputs: stepRuns.outputs, trust: stepRuns.trust, runner: stepRuns.runner, ranBy: stepRuns.ranBy, projectId: pipelines.projectId })
    .from(stepRuns)
    .innerJoin(runs, eq(runs.id, stepRuns.runId))
    .innerJoin(pipelines, eq(pipelines.id, runs.pipelineId))
    .where(exceptRunId ? and(sameKey, ne(stepRuns.runId, exceptRunId)) : sameKey)
    .orderBy(desc(stepRuns.finishedAt))
    .limit(CANDIDATES)
    .all()
    .filter((row) => row.outputs)
    .map(({ runner, ...row }) => ({ ...row, outputs: row.outputs!, trust: trustOf(row.trust, runner) }));
}

/**
 * Why `consumer` may not reuse `producer`, in words for the plan preview; null when it may.
 * `readable: false` producers are skipped without a word, so a preview never tells of projects
 * the person cannot see.
 */
export function refusal(db: Db, consumer: CacheConsumer | null, producer: Producer): { readable: boolean; reason: string } | null {
  const readable = consumer ? readableProjectIds(db, consumer.userId) : 'all';
  if (readable !== 'all' && !readable.has(producer.projectId)) return { readable: false, reason: '' };
  switch (producer.trust) {
    case 'server':
    case 'verified':
      return null;
    case 'mismatch':
      return { readable: true, reason: 'a browser result with this key failed the server\u2019s verification and is quarantined' };
    case 'tainted':
      return { readable: true, reason: 'a browser result with this key was computed from a result that failed verification' };
    case 'unverified': {
      if (quarantined(db, producer.outputs)) return { readable: true, reason: 'a browser result with this key is quarantined' };
      const policy = consumer?.policy ?? 'verified';
      if (policy === 'any') return null;
      if (policy === 'own' && consumer?.userId && consumer.userId === producer.ranBy) return null;
      return { readable: true, reason: `not reusing ${whose(db, producer.ranBy)} unverified browser result: this project ${cachePolicyPhrase(policy)}` };
    }
  }
}

function quarantined(db: Db, outputs: Record<string, ArtifactRef>): boolean {
  const ids = Object.values(outputs).map((ref) => ref.id);
  if (ids.length === 0) return false;
  return db
    .select({ id: artifacts.id, at: artifacts.quarantinedAt })
    .from(artifacts)
    .where(inArray(artifacts.id, ids))
    .all()
    .some((row) => row.at !== null);
}

function whose(db: Db, userId: string | null): string {
  const name = userId ? db.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name : undefined;
  return name ? `${name}\u2019s` : 'an';
}
