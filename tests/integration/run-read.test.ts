// Reading runs on SQLite and on Postgres: the run page (steps in plan order, a cached step's
// producer curve, provenance names), the run record (params, metrics, dataset versions, related
// runs), the reproduction check, a search's trials and the compare page, from the same rows.
import { beforeAll, expect, it } from 'vitest';
import type { Plan } from '../../engine/plan';
import type { AnyDb } from '../../server/db/any-db';
import type { ProgressPoint } from '../../server/db/schema';
import { makeTempDir } from '../../server/db/test-db';
import { readRun } from '../../server/runners/read-run';
import { compareRuns } from '../../server/runs/compare-runs';
import { readRunRecord, reproductionCheck } from '../../server/runs/run-record';
import { readTrials } from '../../server/runs/trial-runs';
import { describeEachDatabase } from './helpers/each-database';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const T1 = '00000000-0000-4000-8000-0000000000c1';
const T2 = '00000000-0000-4000-8000-0000000000c2';
const ARTIFACT = 'a'.repeat(64);
const AT = 1_765_000_000_000; // past 2^31: bigint on Postgres

const step = (id: string, cacheKey: string | null) =>
  ({ id, type: 'test/step', version: 1, label: id.toUpperCase(), params: {}, inputs: {}, outputs: { table: 'table' }, cacheKey, placement: 'server' }) as unknown as Plan['steps'][number];
const plan = { pipelineId: 'p1', docHash: 'h', steps: [step('ingest', 'k-ingest'), step('train', 'k-train'), step('search', null)], warnings: [] } as unknown as Plan;
const series: ProgressPoint[] = [
  { t: AT, fraction: 0.5, data: { loss: 0.9 } },
  { t: AT + 1, fraction: 1, data: { loss: 0.4, valLoss: 0.5 } },
];

async function seed(db: AnyDb) {
  const { users, projects, pipelines, pipelineVersions, runs, stepRuns, runParams, runMetrics, runDatasets, artifacts, datasets, datasetVersions } = db.t;
  await db.insert(users).values({ id: 'u1', email: 'ada@example.com', name: 'Ada', role: 'admin', passwordHash: 'x', createdAt: AT });
  await db.insert(projects).values({ id: 'pr', name: 'Project', createdAt: AT });
  await db.insert(pipelines).values({ id: 'p1', projectId: 'pr', name: 'Pipe', createdAt: AT, updatedAt: AT, currentVersion: 2 });
  await db.insert(pipelineVersions).values({ id: 'v1', pipelineId: 'p1', version: 1, doc: {}, contentHash: 'hash-1', createdAt: AT });
  await db.insert(artifacts).values({ id: ARTIFACT, kind: 'table', mediaType: 'application/vnd.apache.arrow.file', size: 10, meta: {}, createdAt: AT });
  await db.insert(datasets).values({ id: 'd1', name: 'churn', createdAt: AT });
  await db.insert(datasetVersions).values({ id: 'dv1', datasetId: 'd1', version: 3, artifactId: ARTIFACT, rows: 5, columns: [], format: 'csv', sourceFilename: 'churn.csv', sourceSize: 99, options: {}, createdAt: AT });
  // A ran everything; B reproduces A, with train a cache hit on A's result (no series of its own).
  await db.insert(runs).values([
    { id: A, pipelineId: 'p1', pipelineVersionId: 'v1', status: 'succeeded', plan, trigger: 'manual', createdBy: 'u1', createdAt: AT, startedAt: AT, finishedAt: AT + 500 },
    { id: B, pipelineId: 'p1', pipelineVersionId: 'v1', status: 'succeeded', plan, trigger: 'api', createdAt: AT + 1000, startedAt: AT + 1000, finishedAt: AT + 1200, reproducesRunId: A, useCache: false },
  ]);
  const outputs = { table: { id: ARTIFACT, kind: 'table' as const, size: 10 } };
  const row = (runId: string, stepId: string, over: Partial<typeof stepRuns.$inferInsert>) => ({
    id: `${runId.slice(-2)}-${stepId}`,
    runId,
    stepId,
    nodeType: 'test/step',
    nodeVersion: 1,
    label: stepId.toUpperCase(),
    status: 'succeeded' as const,
    cacheKey: `k-${stepId}`,
    outputs,
    ...over,
  });
  // Inserted out of plan order: readRun sorts them.
  await db.insert(stepRuns).values([
    row(A, 'search', { cacheKey: null, outputs: null, startedAt: AT + 300, finishedAt: AT + 400 }),
    row(A, 'train', { progressSeries: series, ranBy: 'u1', trust: 'server', startedAt: AT + 100, finishedAt: AT + 300 }),
    row(A, 'ingest', { ranBy: 'u1', startedAt: AT, finishedAt: AT + 100 }),
    row(B, 'train', { status: 'cached', cachedFromRunId: A, ranBy: 'u1' }),
    row(B, 'ingest', { outputs: { table: { id: 'b'.repeat(64), kind: 'table', size: 10 } } }),
  ]);
  await db.insert(runParams).values([
    { runId: A, stepId: 'train', key: 'train.lr', value: '0.1', num: 0.1 },
    { runId: A, stepId: 'ingest', key: 'ingest.dataset', value: 'churn', num: null },
    { runId: B, stepId: 'train', key: 'train.lr', value: '0.01', num: 0.01 },
  ]);
  await db.insert(runMetrics).values([
    { runId: A, stepId: 'train', key: 'train.auc', value: 0.91 },
    { runId: B, stepId: 'train', key: 'train.auc', value: 0.93 },
  ]);
  await db.insert(runDatasets).values({ runId: A, stepId: 'ingest', nodeType: 'ingest/dataset', sourceKey: ARTIFACT, datasetVersionId: 'dv1' });
  // Two trials of A's search step, inserted in reverse.
  await db.insert(runs).values([
    { id: T2, pipelineId: 'p1', status: 'failed', plan: { ...plan, steps: [] }, trigger: 'manual', createdAt: AT + 350, parentRunId: A, parentStepId: 'search', name: 'Trial 2', errorMessage: 'diverged' },
    { id: T1, pipelineId: 'p1', status: 'succeeded', plan: { ...plan, steps: [] }, trigger: 'manual', createdAt: AT + 320, parentRunId: A, parentStepId: 'search', name: 'Trial 1' },
  ]);
  await db.insert(runParams).values([
    { runId: T1, stepId: 'search', key: 'search.depth', value: '3', num: 3 },
    { runId: T2, stepId: 'search', key: 'search.depth', value: '5', num: 5 },
  ]);
  await db.insert(runMetrics).values([
    { runId: T1, stepId: 'search', key: 'search.trial', value: 1 },
    { runId: T1, stepId: 'search', key: 'search.auc', value: 0.8 },
    { runId: T2, stepId: 'search', key: 'search.trial', value: 2 },
  ]);
}

describeEachDatabase('reading runs', (under) => {
  beforeAll(() => seed(under.db));

  it('reads a run with its steps in plan order, a cached step showing its producer’s curve, and who ran each', async () => {
    const run = (await readRun(under.db, A))!;
    expect(run).toMatchObject({ id: A, status: 'succeeded', version: 1, createdAt: AT, finishedAt: AT + 500, createdBy: 'u1' });
    expect(run).not.toHaveProperty('plan');
    expect(run.steps.map((s) => s.stepId)).toEqual(['ingest', 'train', 'search']);
    expect(run.steps[1]).toMatchObject({ progressSeries: series, ranByName: 'Ada', trust: 'server', startedAt: AT + 100 });
    expect(run.steps[2].ranByName).toBeNull();
    const reproduced = (await readRun(under.db, B))!;
    expect(reproduced.steps.find((s) => s.stepId === 'train')).toMatchObject({ status: 'cached', progressSeries: series, ranByName: 'Ada' });
    expect(await readRun(under.db, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('reads a run as a record: version, params, metrics, dataset versions and related runs', async () => {
    const record = (await readRunRecord(under.db, A))!;
    expect(record.pipeline).toEqual({ id: 'p1', name: 'Pipe', projectId: 'pr', projectName: 'Project', currentVersion: 2 });
    expect(record).toMatchObject({ version: 1, contentHash: 'hash-1', createdBy: 'Ada', trials: 2, parent: null, reproduces: null });
    expect(record.params).toEqual([
      { stepId: 'ingest', key: 'ingest.dataset', value: 'churn' },
      { stepId: 'train', key: 'train.lr', value: '0.1' },
    ]);
    expect(record.metrics).toEqual([{ stepId: 'train', key: 'train.auc', value: 0.91 }]);
    expect(record.datasets).toEqual([
      { stepId: 'ingest', nodeType: 'ingest/dataset', sourceKey: ARTIFACT, datasetVersionId: 'dv1', datasetName: 'churn', datasetVersion: 3, sourceFilename: 'churn.csv' },
    ]);
    expect(record.reproductions).toEqual([{ id: B, status: 'succeeded', createdAt: AT + 1000 }]);
    expect((await readRunRecord(under.db, T1))!).toMatchObject({ parent: { id: A, name: null, status: 'succeeded' }, trials: 0, createdBy: null });
    expect((await readRunRecord(under.db, B))!.reproduces).toEqual({ id: A, name: null, status: 'succeeded' });
  });

  it('checks a reproduction step by step', async () => {
    expect(await reproductionCheck(under.db, A)).toBeNull();
    expect(await reproductionCheck(under.db, B)).toEqual([
      { stepId: 'ingest', label: 'INGEST', deterministic: true, sameKey: true, sameOutputs: false, status: 'succeeded' },
      { stepId: 'train', label: 'TRAIN', deterministic: true, sameKey: true, sameOutputs: true, status: 'cached' },
      { stepId: 'search', label: 'SEARCH', deterministic: false, sameKey: false, sameOutputs: null, status: null },
    ]);
  });

  it('reads a search’s trials in trial order with their params and scores', async () => {
    const { metricKey, trials } = await readTrials(under.db, A, 'search');
    expect(metricKey).toBe('search.auc');
    expect(trials).toEqual([
      { id: T1, name: 'Trial 1', status: 'succeeded', errorMessage: null, trial: 1, value: 0.8, params: { 'search.depth': { value: '3', num: 3 } } },
      { id: T2, name: 'Trial 2', status: 'failed', errorMessage: 'diverged', trial: 2, value: null, params: { 'search.depth': { value: '5', num: 5 } } },
    ]);
  });

  it('compares runs: params, metrics and loss series, a cached step’s from its producer', async () => {
    const dataDir = makeTempDir();
    const { runs, missing } = await compareRuns(under.db, dataDir, [B, A, '00000000-0000-4000-8000-000000000000']);
    expect(missing).toEqual(['00000000-0000-4000-8000-000000000000']);
    expect(runs.map((r) => r.id)).toEqual([B, A]);
    expect(runs[1]).toMatchObject({ pipelineName: 'Pipe', version: 1, createdAt: AT, params: { 'train.lr': '0.1', 'ingest.dataset': 'churn' }, metrics: { 'train.auc': 0.91 }, curves: [] });
    expect(runs[0].losses).toEqual([{ stepId: 'train', label: 'TRAIN', series }]);
    expect(runs[1].losses).toEqual([{ stepId: 'train', label: 'TRAIN', series }]);
  });
});
