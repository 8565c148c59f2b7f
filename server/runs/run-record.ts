// One run as a record, for its page: what ran (pipeline and version, params, dataset versions,
// each step's code hash, runner and backend), what it measured, and how it relates to other runs
// (the search it is a trial of, the run it reproduces, its trials).
import { asc, eq, sql } from 'drizzle-orm';
import { first, type AnyDb } from '../db/any-db';

export async function readRunRecord(db: AnyDb, id: string) {
  const { datasets, datasetVersions, pipelines, pipelineVersions, projects, runDatasets, runMetrics, runParams, runs, users } = db.t;
  const run = first(await db.select().from(runs).where(eq(runs.id, id)).limit(1));
  if (!run) return null;
  const pipeline = first(
    await db
      .select({ id: pipelines.id, name: pipelines.name, projectId: pipelines.projectId, projectName: projects.name, currentVersion: pipelines.currentVersion })
      .from(pipelines)
      .innerJoin(projects, eq(projects.id, pipelines.projectId))
      .where(eq(pipelines.id, run.pipelineId))
      .limit(1),
  );
  const version = run.pipelineVersionId
    ? first(await db.select({ version: pipelineVersions.version, contentHash: pipelineVersions.contentHash }).from(pipelineVersions).where(eq(pipelineVersions.id, run.pipelineVersionId)).limit(1))
    : null;
  const createdBy = run.createdBy ? (first(await db.select({ name: users.name }).from(users).where(eq(users.id, run.createdBy)).limit(1))?.name ?? null) : null;
  const params = await db.select({ stepId: runParams.stepId, key: runParams.key, value: runParams.value }).from(runParams).where(eq(runParams.runId, id)).orderBy(asc(runParams.key));
  const metrics = await db.select({ stepId: runMetrics.stepId, key: runMetrics.key, value: runMetrics.value }).from(runMetrics).where(eq(runMetrics.runId, id)).orderBy(asc(runMetrics.key));
  const inputs = await db
    .select({
      stepId: runDatasets.stepId,
      nodeType: runDatasets.nodeType,
      sourceKey: runDatasets.sourceKey,
      datasetVersionId: runDatasets.datasetVersionId,
      datasetName: datasets.name,
      datasetVersion: datasetVersions.version,
      sourceFilename: datasetVersions.sourceFilename,
    })
    .from(runDatasets)
    .leftJoin(datasetVersions, eq(datasetVersions.id, runDatasets.datasetVersionId))
    .leftJoin(datasets, eq(datasets.id, datasetVersions.datasetId))
    .where(eq(runDatasets.runId, id))
    .orderBy(asc(runDatasets.stepId));
  const related = async (otherId: string | null) =>
    otherId ? first(await db.select({ id: runs.id, name: runs.name, status: runs.status }).from(runs).where(eq(runs.id, otherId)).limit(1)) : null;
  // count(*) is a bigint on Postgres, which node-postgres returns as text.
  const trials = first(await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(runs).where(eq(runs.parentRunId, id)))?.n ?? 0;
  const reproductions = await db.select({ id: runs.id, status: runs.status, createdAt: runs.createdAt }).from(runs).where(eq(runs.reproducesRunId, id)).orderBy(asc(runs.createdAt));
  const { plan: _plan, ...row } = run;
  return {
    run: row,
    pipeline,
    version: version?.version ?? null,
    contentHash: version?.contentHash ?? null,
    createdBy,
    params,
    metrics,
    datasets: inputs,
    parent: await related(run.parentRunId),
    reproduces: await related(run.reproducesRunId),
    reproductions,
    trials,
  };
}

export type RunRecord = NonNullable<Awaited<ReturnType<typeof readRunRecord>>>;

/**
 * For a run that reproduces another: per step, whether the cache key and the output artifacts
 * are the same as the original's. Deterministic steps should match on both.
 */
export async function reproductionCheck(db: AnyDb, runId: string) {
  const { runs, stepRuns } = db.t;
  const run = first(await db.select({ plan: runs.plan, reproducesRunId: runs.reproducesRunId }).from(runs).where(eq(runs.id, runId)).limit(1));
  if (!run?.reproducesRunId) return null;
  const stepsOf = async (id: string) => new Map((await db.select().from(stepRuns).where(eq(stepRuns.runId, id))).map((s) => [s.stepId, s]));
  const now = await stepsOf(runId);
  const was = await stepsOf(run.reproducesRunId);
  const ids = (outputs: Record<string, { id: string }> | null | undefined) =>
    outputs ? Object.entries(outputs).map(([k, v]) => `${k}:${v.id}`).sort().join(',') : null;
  return run.plan.steps.map((step) => {
    const a = was.get(step.id);
    const b = now.get(step.id);
    const finished = (s: typeof a) => s?.status === 'succeeded' || s?.status === 'cached';
    return {
      stepId: step.id,
      label: step.label ?? null,
      deterministic: step.cacheKey !== null,
      sameKey: a !== undefined && b !== undefined && a.cacheKey === b.cacheKey,
      /** null until both have outputs to compare. */
      sameOutputs: finished(a) && finished(b) ? ids(a!.outputs) === ids(b!.outputs) : null,
      status: b?.status ?? null,
    };
  });
}
