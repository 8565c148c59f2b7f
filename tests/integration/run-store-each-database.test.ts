// The run store on SQLite and on Postgres: a new run with its step runs, params, dataset versions
// and key changes written in one transaction; the owner compare-and-set that lets one process
// execute a run; and the start-up backfill of records for runs made before they existed.
import { asc, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { Plan, PlanStep } from '../../engine/plan';
import type { AnyDb } from '../../server/db/any-db';
import { makeTempDir } from '../../server/db/test-db';
import { claimRun, insertRun } from '../../server/runners/run-store';
import { backfillRunRecords } from '../../server/runs/backfill-records';
import { recordArtifact } from '../../server/store/artifacts';
import { describeEachDatabase } from './helpers/each-database';

const AT = 1_765_000_000_000;
const TABLE = 'a'.repeat(64);

const step = (id: string, over: Partial<PlanStep> = {}): PlanStep => ({
  id,
  type: 'clean/filter-rows',
  version: 1,
  params: { threshold: 3, split: { train: 0.8 } },
  inputs: {},
  outputs: { out: 'table' },
  placement: 'server',
  deterministic: true,
  cacheKey: `key-${id}`,
  fingerprint: { codeHash: 'code-1', inputKeys: {} },
  ...over,
});

const planOf = (steps: PlanStep[]): Plan => ({ pipelineId: 'p1', docHash: 'h', steps, warnings: [] });

async function seed(db: AnyDb) {
  await db.insert(db.t.projects).values({ id: 'pr', name: 'Project', createdAt: AT });
  await db.insert(db.t.pipelines).values({ id: 'p1', projectId: 'pr', name: 'Pipe', createdAt: AT, updatedAt: AT });
  await recordArtifact(db, { id: TABLE, kind: 'table', mediaType: 'application/vnd.apache.arrow.file', size: 10, meta: {} });
  await db.insert(db.t.datasets).values({ id: 'd1', name: 'iris', createdAt: AT });
  const version = { datasetId: 'd1', artifactId: TABLE, rows: 3, columns: [], format: 'csv' as const, sourceFilename: 'iris.csv', sourceSize: 10, options: {}, createdAt: AT };
  await db.insert(db.t.datasetVersions).values([
    { id: 'dv1', version: 1, ...version },
    { id: 'dv2', version: 2, ...version },
  ]);
}

const ingest = step('read', { type: 'ingest/dataset', params: { name: 'iris' }, fingerprint: { codeHash: 'code-1', sourceKey: TABLE, inputKeys: {} } });

describeEachDatabase('the run store', (under) => {
  beforeAll(() => seed(under.db));

  it('stores a queued run with its step runs, params and the dataset version its ingest step read', async () => {
    const { db } = under;
    const id = await insertRun(db, { pipelineId: 'p1', pipelineVersionId: null, plan: planOf([ingest, step('clean')]), trigger: 'api', createdBy: null });
    const [run] = await db.select().from(db.t.runs).where(eq(db.t.runs.id, id));
    expect(run).toMatchObject({ status: 'queued', trigger: 'api', useCache: true, recordsIndexed: true, owner: null });
    const steps = await db.select().from(db.t.stepRuns).where(eq(db.t.stepRuns.runId, id)).orderBy(asc(db.t.stepRuns.stepId));
    expect(steps.map((s) => [s.stepId, s.status, s.cacheKey, s.keyChanges])).toEqual([
      ['clean', 'queued', 'key-clean', []],
      ['read', 'queued', 'key-read', []],
    ]);
    const params = await db.select({ key: db.t.runParams.key, value: db.t.runParams.value, num: db.t.runParams.num }).from(db.t.runParams).where(eq(db.t.runParams.runId, id)).orderBy(asc(db.t.runParams.key));
    expect(params).toEqual([
      { key: 'clean.split.train', value: '0.8', num: 0.8 },
      { key: 'clean.threshold', value: '3', num: 3 },
      { key: 'read.name', value: 'iris', num: null },
    ]);
    const datasets = await db.select().from(db.t.runDatasets).where(eq(db.t.runDatasets.runId, id));
    expect(datasets).toEqual([expect.objectContaining({ stepId: 'read', sourceKey: TABLE, datasetVersionId: 'dv2' })]);
  });

  it('records why a step’s key changed since the pipeline last ran it', async () => {
    const { db } = under;
    const changed = step('clean', { fingerprint: { codeHash: 'code-2', inputKeys: {} }, cacheKey: 'key-clean-2' });
    const id = await insertRun(db, { pipelineId: 'p1', pipelineVersionId: null, plan: planOf([ingest, changed]), trigger: 'manual', createdBy: null });
    const steps = await db.select().from(db.t.stepRuns).where(eq(db.t.stepRuns.runId, id)).orderBy(asc(db.t.stepRuns.stepId));
    expect(steps[0].keyChanges).not.toEqual([]);
    expect(steps[1].keyChanges).toEqual([]);
  });

  it('lets exactly one of several claimants take a run, and a later one only from its recorded owner', async () => {
    const { db } = under;
    const id = await insertRun(db, { pipelineId: 'p1', pipelineVersionId: null, plan: planOf([step('clean')]), trigger: 'api', createdBy: null });
    const claims = await Promise.all(['a:1', 'b:2', 'c:3'].map((owner) => claimRun(db, id, null, owner)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    const [run] = await db.select().from(db.t.runs).where(eq(db.t.runs.id, id));
    expect(run.status).toBe('running');
    expect(run.startedAt).toBeGreaterThan(0);
    expect(await claimRun(db, id, 'nobody:9', 'd:4')).toBe(false);
    expect(await claimRun(db, id, run.owner, 'd:4')).toBe(true);
    const [again] = await db.select().from(db.t.runs).where(eq(db.t.runs.id, id));
    expect(again).toMatchObject({ owner: 'd:4', startedAt: run.startedAt });
  });

  it('fills in the params and dataset versions of a run recorded before they existed, once', async () => {
    const { db } = under;
    const dataDir = makeTempDir(); // no finished steps: no artifact is read
    const id = await insertRun(db, { pipelineId: 'p1', pipelineVersionId: null, plan: planOf([ingest]), trigger: 'api', createdBy: null });
    await db.delete(db.t.runParams).where(eq(db.t.runParams.runId, id));
    await db.delete(db.t.runDatasets).where(eq(db.t.runDatasets.runId, id));
    await db.update(db.t.runs).set({ recordsIndexed: false }).where(eq(db.t.runs.id, id));
    expect(await backfillRunRecords(db, dataDir)).toBe(1);
    expect(await db.select().from(db.t.runParams).where(eq(db.t.runParams.runId, id))).toHaveLength(1);
    expect(await db.select().from(db.t.runDatasets).where(eq(db.t.runDatasets.runId, id))).toEqual([expect.objectContaining({ datasetVersionId: 'dv2' })]);
    expect(await backfillRunRecords(db, dataDir)).toBe(0);
  });
});
