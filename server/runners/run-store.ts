// Persistence of runs and step runs. Every runner reports through these functions, so the
// history looks the same whichever process ran a step.
import { randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ErrorCode } from '../../engine/errors';
import type { ArtifactRef, Plan, PlanStep, RunStatus } from '../../engine/plan';
import { first, type AnyDb } from '../db/any-db';
import { withTransaction } from '../db/transaction';
import { chunks, recordRunInputs } from '../runs/run-records';
import { artifactPath } from '../store/artifact-files';
import { consumerForRun, producersOf, refusal, type CacheConsumer } from '../trust/cache-scope';
import { keyChangesSincePreviousRuns } from './key-changes';

export type RunTrigger = 'manual' | 'cli' | 'schedule' | 'api' | 'dataset' | 'alert';

export interface NewRun {
  pipelineId: string;
  pipelineVersionId: string | null;
  plan: Plan;
  trigger: RunTrigger;
  createdBy: string | null;
  targetStep?: string | null;
  /** "Reproduce this run": the run re-run, and whether cached outputs may be reused. */
  reproducesRunId?: string | null;
  useCache?: boolean;
}

/** Stores a new queued run, its step runs, params and dataset versions in one transaction. */
export async function insertRun(db: AnyDb, input: NewRun): Promise<string> {
  const id = randomUUID();
  const keyChanges = await keyChangesSincePreviousRuns(db, input.plan);
  const stepRows = input.plan.steps.map((step) => stepRunRow(id, step, input.plan, keyChanges));
  await withTransaction(db, async (tx) => {
    await tx.insert(tx.t.runs).values(runRow(id, Date.now(), input));
    for (const part of chunks(stepRows)) await tx.insert(tx.t.stepRuns).values(part);
    await recordRunInputs(tx, id, input.plan);
  });
  return id;
}

function runRow(id: string, now: number, input: NewRun) {
  return {
    id,
    pipelineId: input.pipelineId,
    pipelineVersionId: input.pipelineVersionId,
    status: 'queued' as const,
    plan: input.plan,
    trigger: input.trigger,
    targetStep: input.targetStep ?? null,
    createdBy: input.createdBy,
    createdAt: now,
    reproducesRunId: input.reproducesRunId ?? null,
    useCache: input.useCache ?? true,
    recordsIndexed: true,
  };
}

function stepRunRow(runId: string, step: PlanStep, plan: Plan, keyChanges: Map<string, string[]>) {
  return {
    id: randomUUID(),
    runId,
    stepId: step.id,
    nodeType: step.type,
    nodeVersion: step.version,
    label: step.label ?? null,
    status: 'queued' as const,
    cacheKey: step.cacheKey,
    runner: null,
    params: step.params,
    codeHash: step.fingerprint?.codeHash ?? null,
    implementationHash: step.implementationHash ?? null,
    pipeworksVersion: plan.build?.pipeworksVersion ?? null,
    keyChanges: keyChanges.get(step.id) ?? [],
  };
}

export type CacheLookup =
  | { status: 'hit'; fromRunId: string; outputs: Record<string, ArtifactRef> }
  /** A run produced this key, but some of its artifacts are no longer in the store. */
  | { status: 'gone'; fromRunId: string }
  /** `refused`: a producer exists that this run may not reuse, and why (server/trust/cache-scope.ts). */
  | { status: 'miss'; refused?: string };

/**
 * The cache look-up the runner, the browser runner and the plan preview share: the newest
 * producer of the step's key (other than this run) that `consumer` may reuse, good only while
 * every one of its artifacts is still on disk under `dataDir`. A run's consumer is its creator
 * in its pipeline's project.
 */
export async function lookupCachedStep(
  db: AnyDb,
  dataDir: string,
  step: PlanStep,
  runId?: string,
  consumer?: CacheConsumer | null,
): Promise<CacheLookup> {
  if (!step.cacheKey) return { status: 'miss' };
  const reuser = consumer !== undefined ? consumer : runId ? await consumerForRun(db, runId) : null;
  let refused: string | undefined;
  for (const producer of await producersOf(db, step.cacheKey, runId)) {
    const no = await refusal(db, reuser, producer);
    if (no) {
      if (no.readable) refused ??= no.reason;
      continue;
    }
    const present = await Promise.all(
      Object.values(producer.outputs).map((ref) => access(artifactPath(dataDir, ref.id)).then(() => true, () => false)),
    );
    return present.every(Boolean) ? { status: 'hit', fromRunId: producer.runId, outputs: producer.outputs } : { status: 'gone', fromRunId: producer.runId };
  }
  return refused ? { status: 'miss', refused } : { status: 'miss' };
}

/** False for a run that must execute every step again (a reproduction checking artifact hashes). */
export async function runUsesCache(db: AnyDb, runId: string): Promise<boolean> {
  const { runs } = db.t;
  return first(await db.select({ useCache: runs.useCache }).from(runs).where(eq(runs.id, runId)).limit(1))?.useCache ?? true;
}

/**
 * Takes a run for this process with a compare-and-set on its owner, so two processes resuming
 * the same orphaned run cannot both execute it. False when someone else got there first.
 */
export async function claimRun(db: AnyDb, runId: string, previousOwner: string | null, owner: string): Promise<boolean> {
  const { runs } = db.t;
  const claimed = await db
    .update(runs)
    .set({ status: 'running', startedAt: sql<number>`coalesce(${runs.startedAt}, ${Date.now()})`, owner, finishedAt: null })
    .where(and(eq(runs.id, runId), inArray(runs.status, ['queued', 'running']), previousOwner === null ? isNull(runs.owner) : eq(runs.owner, previousOwner)))
    .returning({ id: runs.id });
  return claimed.length === 1;
}

export async function finishRun(db: AnyDb, runId: string, status: RunStatus, error?: { code: ErrorCode; message: string }): Promise<void> {
  const { runs } = db.t;
  await db
    .update(runs)
    .set({ status, finishedAt: Date.now(), errorCode: error?.code ?? null, errorMessage: error?.message ?? null })
    .where(eq(runs.id, runId));
}

/** Outputs of the steps a run already finished, and resets its half-done steps to queued. */
export async function prepareResume(db: AnyDb, runId: string): Promise<Map<string, Record<string, ArtifactRef>>> {
  const done = await withTransaction(db, async (tx) => {
    const { stepRuns } = tx.t;
    await tx
      .update(stepRuns)
      .set({ status: 'queued', startedAt: null, progress: null, progressMessage: null, progressSeries: null })
      .where(and(eq(stepRuns.runId, runId), eq(stepRuns.status, 'running')));
    return tx
      .select({ stepId: stepRuns.stepId, outputs: stepRuns.outputs })
      .from(stepRuns)
      .where(and(eq(stepRuns.runId, runId), inArray(stepRuns.status, ['succeeded', 'cached'])));
  });
  return new Map(done.filter((d) => d.outputs).map((d) => [d.stepId, d.outputs as Record<string, ArtifactRef>]));
}

export async function unfinishedRuns(db: AnyDb) {
  const { runs } = db.t;
  return db.select().from(runs).where(inArray(runs.status, ['queued', 'running'])).orderBy(asc(runs.createdAt));
}
