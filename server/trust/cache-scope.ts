// Whose results a run may reuse from the cache. Keys stay content-based; this decides which of a
// key's producers count: only from projects the person can read, never a quarantined or failed
// one, and a browser's unverified result only as far as the project's cache policy allows.
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { ArtifactRef } from '../../engine/plan';
import { first, type AnyDb } from '../db/any-db';
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
export function readableProjectIds(_db: AnyDb, _userId: string | null): 'all' | Set<string> {
  return 'all';
}

export async function consumerFor(db: AnyDb, userId: string | null, pipelineId: string): Promise<CacheConsumer | null> {
  const { pipelines, projects } = db.t;
  const row = first(
    await db
      .select({ projectId: pipelines.projectId, policy: projects.cachePolicy })
      .from(pipelines)
      .innerJoin(projects, eq(projects.id, pipelines.projectId))
      .where(eq(pipelines.id, pipelineId))
      .limit(1),
  );
  return row ? { userId, projectId: row.projectId, policy: row.policy } : null;
}

export async function consumerForRun(db: AnyDb, runId: string): Promise<CacheConsumer | null> {
  const { runs } = db.t;
  const run = first(await db.select({ createdBy: runs.createdBy, pipelineId: runs.pipelineId }).from(runs).where(eq(runs.id, runId)).limit(1));
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
export async function producersOf(db: AnyDb, cacheKey: string, exceptRunId?: string): Promise<Producer[]> {
  const { pipelines, runs, stepRuns } = db.t;
  const sameKey = and(eq(stepRuns.cacheKey, cacheKey), eq(stepRuns.status, 'succeeded'));
  const rows = await db
    .select({ runId: stepRuns.runId, outputs: stepRuns.outputs, trust: stepRuns.trust, runner: stepRuns.runner, ranBy: stepRuns.ranBy, projectId: pipelines.projectId })
    .from(stepRuns)
    .innerJoin(runs, eq(runs.id, stepRuns.runId))
    .innerJoin(pipelines, eq(pipelines.id, runs.pipelineId))
    .where(exceptRunId ? and(sameKey, ne(stepRuns.runId, exceptRunId)) : sameKey)
    // Ties broken by run id, so both databases pick the same producer among equal finish times.
    .orderBy(desc(stepRuns.finishedAt), desc(stepRuns.runId))
    .limit(CANDIDATES);
  return rows.filter((row) => row.outputs).map(({ runner, ...row }) => ({ ...row, outputs: row.outputs!, trust: trustOf(row.trust, runner) }));
}

export type Refusal = { readable: boolean; reason: string } | null;

/**
 * Why `consumer` may not reuse `producer`, in words for the plan preview; null when it may.
 * `readable: false` producers are skipped without a word, so a preview never tells of projects
 * the person cannot see.
 */
export async function refusal(db: AnyDb, consumer: CacheConsumer | null, producer: Producer): Promise<Refusal> {
  const verdict = trustVerdict(db, consumer, producer);
  if (verdict !== 'unverified') return verdict;
  if (await quarantined(db, producer.outputs)) return QUARANTINED;
  if (policyAllows(consumer, producer)) return null;
  return notReusing(consumer, await nameOf(db, producer.ranBy));
}

/** The verdict that needs no query, or 'unverified' when the policy, quarantine and owner decide. */
function trustVerdict(db: AnyDb, consumer: CacheConsumer | null, producer: Producer): Refusal | 'unverified' {
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
    case 'unverified':
      return 'unverified';
  }
}

const QUARANTINED: Refusal = { readable: true, reason: 'a browser result with this key is quarantined' };

/** Whether the project's policy lets this consumer reuse an unverified browser result. */
function policyAllows(consumer: CacheConsumer | null, producer: Producer): boolean {
  const policy = consumer?.policy ?? 'verified';
  return policy === 'any' || (policy === 'own' && !!consumer?.userId && consumer.userId === producer.ranBy);
}

function notReusing(consumer: CacheConsumer | null, ranByName: string | undefined): Refusal {
  const whose = ranByName ? `${ranByName}\u2019s` : 'an';
  return { readable: true, reason: `not reusing ${whose} unverified browser result: this project ${cachePolicyPhrase(consumer?.policy ?? 'verified')}` };
}

async function quarantined(db: AnyDb, outputs: Record<string, ArtifactRef>): Promise<boolean> {
  const ids = Object.values(outputs).map((ref) => ref.id);
  if (ids.length === 0) return false;
  const { artifacts } = db.t;
  const rows = await db.select({ at: artifacts.quarantinedAt }).from(artifacts).where(inArray(artifacts.id, ids));
  return rows.some((row) => row.at !== null);
}

async function nameOf(db: AnyDb, userId: string | null): Promise<string | undefined> {
  if (!userId) return undefined;
  const { users } = db.t;
  return first(await db.select({ name: users.name }).from(users).where(eq(users.id, userId)).limit(1))?.name;
}
