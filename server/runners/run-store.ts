// Persistence of runs and step runs. Every runner reports through these functions, so the
// history looks the same whichever process ran a step.
import { randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ErrorCode } from '../../engine/errors';
import type { ExecuteEvent } from '../../engine/execute-types';
import type { ArtifactRef, Plan, PlanStep, RunStatus } from '../../engine/plan';
import type { Db } from '../db/client';
import { runs, stepLogs, stepRuns, runs as sqliteRuns, stepRuns as sqliteStepRuns } from '../db/schema';
import { isAnyDb, type AnyDb, type Tables } from '../db/any-db';
import { withTransaction } from '../db/transaction';
import { getEnv } from '../env';
import { saveRequestedTables } from '../datasets/save-run-tables';
import { registerRequestedModelsSync } from '../registry/register-sync'; // pg: runs
import { chunks, recordRunInputs, recordRunInputsSync } from '../runs/run-records';
import { artifactPath } from '../store/artifact-files';
import { consumerForRun, producersOf, refusal, type CacheConsumer } from '../trust/cache-scope';
import { keyChangesSincePreviousRuns, keyChangesSincePreviousRunsSync } from './key-changes';
import { numericData } from './progress-series';
import { addPoint, finishSeries, startSeries } from './progress-writes';

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
export function insertRun(db: AnyDb, input: NewRun): Promise<string>;
/** pg: compile. The sync form for startRun on the legacy Db, until it awaits the AnyDb form. */
export function insertRun(db: Db, input: NewRun): string;
export function insertRun(db: AnyDb | Db, input: NewRun): Promise<string> | string {
  const id = randomUUID();
  const now = Date.now();
  if (isAnyDb(db)) return insertOn(db, id, now, input);
  const keyChanges = keyChangesSincePreviousRunsSync(db, input.plan);
  db.transaction((tx) => {
    tx.insert(sqliteRuns).values(runRow(id, now, input)).run();
    for (const step of input.plan.steps) tx.insert(sqliteStepRuns).values(stepRunRow(id, step, input.plan, keyChanges)).run();
    recordRunInputsSync(tx, id, input.plan);
  });
  return id;
}

async function insertOn(db: AnyDb, id: string, now: number, input: NewRun): Promise<string> {
  const keyChanges = await keyChangesSincePreviousRuns(db, input.plan);
  const stepRows = input.plan.steps.map((step) => stepRunRow(id, step, input.plan, keyChanges));
  await withTransaction(db, async (tx) => {
    await tx.insert(tx.t.runs).values(runRow(id, now, input));
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
  db: Db,
  dataDir: string,
  step: PlanStep,
  runId?: string,
  consumer: CacheConsumer | null = runId ? consumerForRun(db, runId) : null,
): Promise<CacheLookup> {
  if (!step.cacheKey) return { status: 'miss' };
  let refused: string | undefined;
  for (const producer of producersOf(db, step.cacheKey, runId)) {
    const no = refusal(db, consumer, producer);
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
export function runUsesCache(db: Db, runId: string): boolean {
  return db.select({ useCache: runs.useCache }).from(runs).where(eq(runs.id, runId)).get()?.useCache ?? true;
}

/**
 * Takes a run for this process with a compare-and-set on its owner, so two processes resuming
 * the same orphaned run cannot both execute it. False when someone else got there first.
 */
export function claimRun(db: AnyDb, runId: string, previousOwner: string | null, owner: string): Promise<boolean>;
/** pg: compile. The sync form for startRun on the legacy Db, until it awaits the AnyDb form. */
export function claimRun(db: Db, runId: string, previousOwner: string | null, owner: string): boolean;
export function claimRun(db: AnyDb | Db, runId: string, previousOwner: string | null, owner: string): Promise<boolean> | boolean {
  if (isAnyDb(db)) return claimOn(db, runId, previousOwner, owner);
  const result = db.update(sqliteRuns).set(claim(sqliteRuns, owner)).where(claimable(sqliteRuns, runId, previousOwner)).run();
  return result.changes === 1;
}

async function claimOn(db: AnyDb, runId: string, previousOwner: string | null, owner: string): Promise<boolean> {
  const { runs } = db.t;
  const claimed = await db.update(runs).set(claim(runs, owner)).where(claimable(runs, runId, previousOwner)).returning({ id: runs.id });
  return claimed.length === 1;
}

type RunsTable = Tables['runs'] | typeof sqliteRuns;

function claim(runs: RunsTable, owner: string) {
  return { status: 'running' as const, startedAt: sql<number>`coalesce(${runs.startedAt}, ${Date.now()})`, owner, finishedAt: null };
}

function claimable(runs: RunsTable, runId: string, previousOwner: string | null) {
  return and(eq(runs.id, runId), inArray(runs.status, ['queued', 'running']), previousOwner === null ? isNull(runs.owner) : eq(runs.owner, previousOwner));
}

export function finishRun(db: Db, runId: string, status: RunStatus, error?: { code: ErrorCode; message: string }): void {
  db.update(runs)
    .set({ status, finishedAt: Date.now(), errorCode: error?.code ?? null, errorMessage: error?.message ?? null })
    .where(eq(runs.id, runId))
    .run();
}

/** Applies one engine event to the step-run rows. */
export function persistEvent(db: Db, runId: string, event: ExecuteEvent, runner: string): void {
  const where = (stepId: string) => and(eq(stepRuns.runId, runId), eq(stepRuns.stepId, stepId));
  switch (event.type) {
    case 'step_started':
      startSeries(runId, event.stepId);
      db.update(stepRuns).set({ status: 'running', startedAt: event.at, runner, progress: 0, progressSeries: null }).where(where(event.stepId)).run();
      return;
    case 'step_progress': {
      const data = numericData(event.data);
      const series = data ? addPoint(runId, event.stepId, { t: Date.now(), fraction: event.fraction, data }) : undefined;
      db.update(stepRuns)
        .set({ progress: event.fraction, progressMessage: event.message ?? null, ...(series && { progressSeries: series }) })
        .where(where(event.stepId))
        .run();
      return;
    }
    case 'step_log':
      db.insert(stepLogs).values({ runId, stepId: event.stepId, at: event.at, level: event.level, message: event.message }).run();
      return;
    case 'step_finished': {
      const series = finishSeries(runId, event.stepId);
      db.update(stepRuns)
        .set({
          ...(series && { progressSeries: series }),
          ...(event.status === 'succeeded' && ranHere(db, runId, runner)),
          ...(event.cachedFromRunId && producedBy(db, event.cachedFromRunId, event.stepId, runId)),
          status: event.status,
          startedAt: event.startedAt,
          finishedAt: event.finishedAt,
          outputs: event.outputs ?? null,
          cachedFromRunId: event.cachedFromRunId ?? null,
          peakMemoryBytes: event.peakMemoryBytes ?? null,
          backend: event.backend ?? null,
          backendNote: event.backendNote ?? null,
          progress: event.status === 'succeeded' || event.status === 'cached' ? 1 : undefined,
          errorCode: event.error?.code ?? null,
          errorMessage: event.error?.message ?? null,
        })
        .where(where(event.stepId))
        .run();
      return;
    }
    case 'run_finished':
      // Before the run reads as succeeded, so whoever sees it finished also sees its registered
      // models and saved datasets.
      if (event.status === 'succeeded') {
        registerRequestedModelsSync(db, getEnv().PIPEWORKS_DATA_DIR, runId);
        saveRequestedTables(db, runId);
      }
      finishRun(db, runId, event.status);
      return;
  }
}

/** Provenance of a result this run computed: its creator, and whether the server ran it. */
function ranHere(db: Db, runId: string, runner: string) {
  const ranBy = db.select({ createdBy: runs.createdBy }).from(runs).where(eq(runs.id, runId)).get()?.createdBy ?? null;
  return { ranBy, trust: runner.startsWith('browser') ? ('unverified' as const) : ('server' as const) };
}

/** A cached step's outputs came from the producer's build (implementation hash and version), person and trust. */
function producedBy(db: Db, fromRunId: string, stepId: string, runId: string) {
  const cacheKey = db.select({ cacheKey: stepRuns.cacheKey }).from(stepRuns).where(and(eq(stepRuns.runId, runId), eq(stepRuns.stepId, stepId))).get()?.cacheKey;
  if (!cacheKey) return undefined;
  const producer = db
    .select({ implementationHash: stepRuns.implementationHash, pipeworksVersion: stepRuns.pipeworksVersion, ranBy: stepRuns.ranBy, trust: stepRuns.trust })
    .from(stepRuns)
    .where(and(eq(stepRuns.runId, fromRunId), eq(stepRuns.cacheKey, cacheKey)))
    .get();
  return producer;
}

/** Outputs of the steps a run already finished, and resets its half-done steps to queued. */
export function prepareResume(db: Db, runId: string): Map<string, Record<string, ArtifactRef>> {
  db.update(stepRuns)
    .set({ status: 'queued', startedAt: null, progress: null, progressMessage: null, progressSeries: null })
    .where(and(eq(stepRuns.runId, runId), eq(stepRuns.status, 'running')))
    .run();
  const done = db
    .select({ stepId: stepRuns.stepId, outputs: stepRuns.outputs })
    .from(stepRuns)
    .where(and(eq(stepRuns.runId, runId), inArray(stepRuns.status, ['succeeded', 'cached'])))
    .all();
  return new Map(done.filter((d) => d.outputs).map((d) => [d.stepId, d.outputs as Record<string, ArtifactRef>]));
}

export function unfinishedRuns(db: Db) {
  return db.select().from(runs).where(inArray(runs.status, ['queued', 'running'])).orderBy(asc(runs.createdAt)).all();
}
