// One engine event applied to a run's rows: the runner's hot path, for the server's own steps and
// for what a browser tab reports. Callers deliver one run's events one at a time, in order
// (engine/event-queue.ts), each write awaited before the next, so a step's row ends as its last
// event says, with one finish, and a process killed mid-run leaves every delivered event stored.
import { and, eq, isNull, lt, ne, notLike, or } from 'drizzle-orm';
import type { ExecuteEvent } from '../../engine/execute-types';
import { first, type AnyDb } from '../db/any-db';
import { saveRequestedTables } from '../datasets/save-run-tables';
import { getEnv } from '../env';
import { registerRequestedModels } from '../registry/auto-register';
import { numericData } from './progress-series';
import { addPoint, finishSeries, startSeries } from './progress-writes';
import { finishRun } from './run-store';
import { QUEUE_WORKER_PREFIX } from '../queue/step-job';

/** Applies one engine event to the step-run rows. */
export async function persistEvent(db: AnyDb, runId: string, event: ExecuteEvent, runner: string): Promise<void> {
  const { stepRuns, stepLogs } = db.t;
  const where = (stepId: string) => and(eq(stepRuns.runId, runId), eq(stepRuns.stepId, stepId));
  switch (event.type) {
    case 'step_started': {
      // A start that lands after a queue worker took the step (runner queue:<id>, RunManager.recordTaken)
      // is stale: a browser tab's report of a server step, retried while its first try was still being
      // written. It would say the step still waits for a worker and wipe its progress; a step
      // restarted after an interruption is 'queued' again, so it starts afresh.
      const notTaken = or(ne(stepRuns.status, 'running'), isNull(stepRuns.runner), notLike(stepRuns.runner, `${QUEUE_WORKER_PREFIX}%`));
      // A start no later than the step's recorded finish is that attempt's own start, arriving late
      // (a retried report): it must not turn a finished step back to running. A step run again
      // after it finished (a failed step when its interrupted run resumes) starts after that finish.
      const notFinished = or(isNull(stepRuns.finishedAt), lt(stepRuns.finishedAt, event.at));
      const set = { status: 'running' as const, startedAt: event.at, runner, progress: 0, progressSeries: null };
      const started = await db.update(stepRuns).set(set).where(and(where(event.stepId), notTaken, notFinished)).returning({ id: stepRuns.id });
      if (started.length > 0) startSeries(runId, event.stepId);
      return;
    }
    case 'step_progress': {
      const data = numericData(event.data);
      const series = data ? addPoint(runId, event.stepId, { t: Date.now(), fraction: event.fraction, data }) : undefined;
      await db
        .update(stepRuns)
        .set({ progress: event.fraction, progressMessage: event.message ?? null, ...(series && { progressSeries: series }) })
        .where(where(event.stepId));
      return;
    }
    case 'step_log':
      await db.insert(stepLogs).values({ runId, stepId: event.stepId, at: event.at, level: event.level, message: event.message });
      return;
    case 'step_finished': {
      const series = finishSeries(runId, event.stepId);
      const provenance = event.status === 'succeeded' ? await ranHere(db, runId, runner) : undefined;
      const producer = event.cachedFromRunId ? await producedBy(db, event.cachedFromRunId, event.stepId, runId) : undefined;
      await db
        .update(stepRuns)
        .set({
          ...(series && { progressSeries: series }),
          ...provenance,
          ...producer,
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
        .where(where(event.stepId));
      return;
    }
    case 'run_finished':
      // Before the run reads as succeeded, so whoever sees it finished also sees its registered
      // models and saved datasets.
      if (event.status === 'succeeded') {
        await registerRequestedModels(db, getEnv().PIPEWORKS_DATA_DIR, runId);
        await saveRequestedTables(db, runId);
      }
      await finishRun(db, runId, event.status);
      return;
  }
}

/** Provenance of a result this run computed: its creator, and whether the server ran it. */
async function ranHere(db: AnyDb, runId: string, runner: string) {
  const { runs } = db.t;
  const ranBy = first(await db.select({ createdBy: runs.createdBy }).from(runs).where(eq(runs.id, runId)).limit(1))?.createdBy ?? null;
  return { ranBy, trust: runner.startsWith('browser') ? ('unverified' as const) : ('server' as const) };
}

/** A cached step's outputs came from the producer's build (implementation hash and version), person and trust. */
async function producedBy(db: AnyDb, fromRunId: string, stepId: string, runId: string) {
  const { stepRuns } = db.t;
  const cacheKey = first(await db.select({ cacheKey: stepRuns.cacheKey }).from(stepRuns).where(and(eq(stepRuns.runId, runId), eq(stepRuns.stepId, stepId))).limit(1))?.cacheKey;
  if (!cacheKey) return undefined;
  const producer = first(
    await db
      .select({ implementationHash: stepRuns.implementationHash, pipeworksVersion: stepRuns.pipeworksVersion, ranBy: stepRuns.ranBy, trust: stepRuns.trust })
      .from(stepRuns)
      .where(and(eq(stepRuns.runId, fromRunId), eq(stepRuns.cacheKey, cacheKey)))
      .limit(1),
  );
  return producer ?? undefined;
}

