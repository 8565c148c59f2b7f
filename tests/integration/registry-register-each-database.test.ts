// Registration on SQLite and on Postgres: a version drafted from a run's train step (its evaluate
// step's metrics, frozen lineage, reference statistics), concurrent registrations of one model,
// the train node's `register` option, a refused registration that leaves nothing behind, the
// reference computed later for an old version, and the retrain lineage around a version.
import { rmSync } from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import type { Plan } from '../../engine/plan';
import { encodeValue } from '../../nodes/codec';
import { tableFromColumns } from '../../nodes/table/table-from-columns';
import type { ColumnInfo, PortValue } from '../../nodes/values';
import { makeTempDir } from '../../server/db/test-db';
import { registerRequestedModels } from '../../server/registry/auto-register';
import { retrainLineageGraph } from '../../server/registry/lineage-retrain';
import { ensureReference } from '../../server/registry/reference-stats';
import { describeModel, registerModelVersion } from '../../server/registry/register';
import { draftFromRunStep } from '../../server/registry/run-version-draft';
import { draft, seedRegistryFixtures } from '../../server/registry/test-kit';
import { fraudModel } from '../../server/serving/test-kit';
import { writeArtifactBytes } from '../../server/store/artifact-files';
import { recordArtifact } from '../../server/store/artifacts';
import { describeEachDatabase } from './helpers/each-database';

const T0 = 1_765_000_000_000; // epoch ms past 2^31: bigint on Postgres

const columns: ColumnInfo[] = [
  { name: 'amount', type: 'numeric', role: 'feature' },
  { name: 'city', type: 'categorical', role: 'feature' },
  { name: 'member', type: 'boolean', role: 'feature' },
  { name: 'fraud', type: 'categorical', role: 'target' },
];
const trainingTable: PortValue = {
  kind: 'table',
  table: tableFromColumns([
    { info: columns[0], values: [10, 200, 35, 90, 400, 5] },
    { info: columns[1], values: ['Lyon', 'Paris', 'Paris', 'Lyon', 'Paris', null] },
    { info: columns[2], values: [true, false, true, true, false, false] },
    { info: columns[3], values: ['no', 'yes', 'no', 'no', 'yes', 'no'] },
  ]),
  columns,
};

function planOf(register: string | null): Plan {
  return {
    pipelineId: 'pl',
    docHash: 'h',
    warnings: [],
    steps: [
      {
        id: 'ingest',
        type: 'ingest/dataset',
        version: 1,
        params: { name: 'fraud-data' },
        inputs: {},
        outputs: { table: 'table' },
        placement: 'server',
        deterministic: true,
        cacheKey: 'k-ingest',
        fingerprint: { codeHash: 'c-ingest', sourceKey: null, inputKeys: {} },
      },
      {
        id: 'train',
        type: 'train/logistic',
        version: 1,
        params: { seed: 7, ...(register === null ? {} : { register }) },
        inputs: { train: { fromStep: 'ingest', output: 'table' } },
        outputs: { model: 'model' },
        placement: 'server',
        deterministic: true,
        cacheKey: 'k-train',
      },
      {
        id: 'evaluate',
        type: 'evaluate/classification',
        version: 1,
        params: {},
        inputs: { model: { fromStep: 'train', output: 'model' }, table: { fromStep: 'ingest', output: 'table' } },
        outputs: { metrics: 'metrics' },
        placement: 'server',
        deterministic: true,
        cacheKey: 'k-evaluate',
      },
    ],
  };
}

describeEachDatabase('registering versions', (under) => {
  const dataDir = makeTempDir('pipeworks-register-each-');
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const ids = { table: '', model: '', metrics: '' };

  const store = async (value: PortValue, kind: string) => {
    const encoded = encodeValue(value);
    const { id, size } = await writeArtifactBytes(dataDir, encoded.bytes);
    await recordArtifact(under.db, { id, kind, mediaType: encoded.mediaType, size, meta: encoded.meta });
    return id;
  };

  /** A run of planOf(register) whose three steps succeeded; the train step ran where `runner` says. */
  const seedRun = async (runId: string, register: string | null, runner = 'server:worker-thread') => {
    const { db } = under;
    const plan = planOf(register);
    plan.steps[0].fingerprint!.sourceKey = ids.table;
    await db.insert(db.t.runs).values({ id: runId, pipelineId: 'pl', pipelineVersionId: 'pv1', status: 'succeeded', plan, trigger: 'manual', createdBy: 'u-sci', createdAt: T0 });
    const outputs = { ingest: { table: ids.table }, train: { model: ids.model }, evaluate: { metrics: ids.metrics } };
    for (const step of plan.steps) {
      const [[port, id]] = Object.entries(outputs[step.id as keyof typeof outputs]);
      await db.insert(db.t.stepRuns).values({
        id: `${runId}-${step.id}`,
        runId,
        stepId: step.id,
        nodeType: step.type,
        nodeVersion: step.version,
        status: 'succeeded',
        cacheKey: step.cacheKey,
        runner: step.id === 'train' ? runner : 'server:worker-thread',
        trust: step.id === 'train' && runner.startsWith('browser') ? 'unverified' : 'server',
        ranBy: 'u-sci',
        outputs: { [port]: { id, kind: step.outputs[port], size: 1 } },
        startedAt: T0,
        finishedAt: T0 + 1,
      });
    }
    await db.insert(db.t.runDatasets).values({ runId, stepId: 'ingest', nodeType: 'ingest/dataset', sourceKey: ids.table, datasetVersionId: 'dv1' });
  };

  it('seeds: people, a pipeline version, a dataset version, artifacts and a succeeded run', async () => {
    const { db } = under;
    await seedRegistryFixtures(db);
    ids.table = await store(trainingTable, 'table');
    ids.model = await store({ kind: 'model', model: fraudModel(0.2) }, 'model');
    ids.metrics = await store({ kind: 'metrics', metrics: { metrics: { roc_auc: 0.91, accuracy: 0.8, note: 'not a number' } } }, 'metrics');
    await db.insert(db.t.pipelines).values({ id: 'pl', projectId: 'p1', name: 'Fraud', currentVersion: 1, createdAt: T0, updatedAt: T0 });
    await db.insert(db.t.pipelineVersions).values({ id: 'pv1', pipelineId: 'pl', version: 1, doc: {}, contentHash: 'd'.repeat(64), createdAt: T0 });
    await db.insert(db.t.datasets).values({ id: 'ds', name: 'fraud-data', createdAt: T0 });
    await db.insert(db.t.datasetVersions).values({
      id: 'dv1',
      datasetId: 'ds',
      version: 1,
      artifactId: ids.table,
      rows: 6,
      columns,
      format: 'csv',
      sourceFilename: 'fraud.csv',
      sourceSize: 100,
      options: {},
      createdAt: T0,
    });
    await seedRun('run-1', null);
  });

  it('drafts a version from the run and stores it: metrics, params, lineage and reference read back equal', async () => {
    const { db } = under;
    const { projectId, draft: drafted } = await draftFromRunStep(db, dataDir, { runId: 'run-1', stepId: 'train' });
    expect(projectId).toBe('p1');
    expect(drafted).toMatchObject({ source: 'run', format: 'pipeworks/logistic', artifactId: ids.model, metrics: { roc_auc: 0.91, accuracy: 0.8 }, params: { seed: '7' }, pipelineVersionId: 'pv1' });
    expect(drafted.lineage).toMatchObject({
      run: { id: 'run-1', createdAt: T0 },
      pipeline: { id: 'pl', version: 1, versionId: 'pv1' },
      metricsFrom: { stepId: 'evaluate', artifactId: ids.metrics },
      sources: [{ kind: 'dataset', stepId: 'ingest', datasetVersionId: 'dv1', name: 'fraud-data', artifactId: ids.table, rows: 6 }],
    });
    expect(drafted.lineage.steps.map((s) => s.id)).toEqual(['ingest', 'train']);
    expect(drafted.reference?.dataArtifactId).toBe(ids.table);
    expect(drafted.reference?.profile.rows).toBe(6);

    const v = await registerModelVersion(db, { projectId, modelName: 'fraud', draft: drafted, userId: 'u-sci', via: 'manual' });
    expect(v).toMatchObject({ version: 1, created: true, modelName: 'fraud' });
    const [row] = await db.select().from(db.t.modelVersions).where(eq(db.t.modelVersions.id, v.versionId));
    expect(row.lineage).toEqual(drafted.lineage);
    expect(row.signature).toEqual(drafted.signature);
    const [stored] = await db.select().from(db.t.modelVersionReferences).where(eq(db.t.modelVersionReferences.versionId, v.versionId));
    expect(stored.profile).toEqual(drafted.reference!.profile);
    const metrics = await db.select({ name: db.t.modelVersionMetrics.name, value: db.t.modelVersionMetrics.value }).from(db.t.modelVersionMetrics).where(eq(db.t.modelVersionMetrics.versionId, v.versionId)).orderBy(asc(db.t.modelVersionMetrics.name));
    expect(metrics).toEqual([{ name: 'accuracy', value: 0.8 }, { name: 'roc_auc', value: 0.91 }]);
    const [event] = await db.select().from(db.t.auditEvents).where(and(eq(db.t.auditEvents.action, 'model.register'), eq(db.t.auditEvents.targetId, v.versionId)));
    expect(event).toMatchObject({ userId: 'u-sci', detail: { model: 'fraud', version: 1, via: 'manual', runId: 'run-1' } });
  });

  it('explains what cannot be drafted', async () => {
    const { db } = under;
    await expect(draftFromRunStep(db, dataDir, { runId: 'nope', stepId: 'train' })).rejects.toThrow(/Run nope was not found/);
    await expect(draftFromRunStep(db, dataDir, { runId: 'run-1', stepId: 'ingest' })).rejects.toThrow(/does not output a model/);
    await expect(draftFromRunStep(db, dataDir, { runId: 'run-1', stepId: 'train', output: 'weights' })).rejects.toThrow(/no model output "weights"/);
  });

  it('gives concurrent registrations of one model distinct version numbers, none skipped', async () => {
    const { db } = under;
    const racing = await Promise.all(Array.from({ length: 8 }, () => registerModelVersion(db, { projectId: 'p1', modelName: 'race', draft: draft(), userId: null, via: 'manual' })));
    expect(racing.map((v) => v.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(racing.map((v) => v.modelId)).size).toBe(1);
    const [model] = await db.select({ lastVersion: db.t.registeredModels.lastVersion }).from(db.t.registeredModels).where(eq(db.t.registeredModels.name, 'race'));
    expect(model.lastVersion).toBe(8);
  });

  it("registers a train step's model when the run asks (the register option), and no copy of the same model", async () => {
    const { db } = under;
    await seedRun('run-2', 'auto-fraud');
    await registerRequestedModels(db, dataDir, 'run-2');
    await registerRequestedModels(db, dataDir, 'run-2');
    const logs = await db.select({ level: db.t.stepLogs.level, message: db.t.stepLogs.message }).from(db.t.stepLogs).where(eq(db.t.stepLogs.runId, 'run-2')).orderBy(asc(db.t.stepLogs.id));
    expect(logs).toEqual([
      { level: 'info', message: 'Registered as auto-fraud v1' },
      { level: 'info', message: 'Already registered as auto-fraud v1 (the same model); no new version' },
    ]);
  });

  it('refuses a model built on an unverified browser step without approval, and leaves no model row behind', async () => {
    const { db } = under;
    await seedRun('run-3', null, 'browser:web-worker');
    const { projectId, draft: drafted } = await draftFromRunStep(db, dataDir, { runId: 'run-3', stepId: 'train' });
    await expect(registerModelVersion(db, { projectId, modelName: 'browser-made', draft: drafted, userId: 'u-ana', role: 'analyst', via: 'manual' })).rejects.toThrow(/neither ran nor verified/);
    expect(await db.select().from(db.t.registeredModels).where(eq(db.t.registeredModels.name, 'browser-made'))).toEqual([]);
    const approved = await registerModelVersion(db, { projectId, modelName: 'browser-made', draft: drafted, userId: 'u-sci', role: 'scientist', approveUnverified: true, via: 'manual' });
    const [approval] = await db.select().from(db.t.auditEvents).where(eq(db.t.auditEvents.action, 'model.approve_unverified'));
    expect(approval).toMatchObject({ userId: 'u-sci', targetId: approved.versionId, detail: { steps: [{ stepId: 'train', trust: 'unverified' }] } });
  });

  it('computes and stores the reference of a version registered without one, equal to the one drafted', async () => {
    const { db } = under;
    const { projectId, draft: drafted } = await draftFromRunStep(db, dataDir, { runId: 'run-1', stepId: 'train' });
    const old = await registerModelVersion(db, { projectId, modelName: 'old-fraud', draft: { ...drafted, reference: null }, userId: null, via: 'manual' });
    expect(await db.select().from(db.t.modelVersionReferences).where(eq(db.t.modelVersionReferences.versionId, old.versionId))).toEqual([]);
    expect(await ensureReference(db, dataDir, old.versionId)).toEqual({ profile: drafted.reference!.profile });
    const [stored] = await db.select().from(db.t.modelVersionReferences).where(eq(db.t.modelVersionReferences.versionId, old.versionId));
    expect(stored).toMatchObject({ dataArtifactId: ids.table, profile: drafted.reference!.profile });
    const imported = await registerModelVersion(db, { projectId: 'p1', modelName: 'no-run', draft: draft(), userId: null, via: 'manual' });
    expect(await ensureReference(db, dataDir, imported.versionId)).toEqual({ why: 'it was not registered from a run, so there is no training table to describe' });
  });

  it('draws the retrain lineage of a version: its run and the dataset version it read', async () => {
    const { db } = under;
    const [v1] = await db.select({ id: db.t.modelVersions.id }).from(db.t.modelVersions).innerJoin(db.t.registeredModels, eq(db.t.registeredModels.id, db.t.modelVersions.modelId)).where(eq(db.t.registeredModels.name, 'fraud'));
    const graph = (await retrainLineageGraph(db, v1.id))!;
    expect(graph.nodes).toEqual([
      { id: `model:${v1.id}`, kind: 'model', versionId: v1.id, modelId: expect.any(String), modelName: 'fraud', version: 1, focus: true },
      { id: 'run:run-1', kind: 'run', runId: 'run-1', status: 'succeeded', trigger: 'manual', createdAt: T0 },
      { id: 'dataset:dv1', kind: 'dataset', datasetVersionId: 'dv1', name: 'fraud-data', version: 1, rows: 6 },
    ]);
    expect(graph.edges.map((e) => e.id)).toEqual([`run:run-1->model:${v1.id}`, 'dataset:dv1->run:run-1']);
    expect(await retrainLineageGraph(db, 'nope')).toBeNull();
  });

  it('describes a model, audited; an unknown model says so', async () => {
    const { db } = under;
    const [model] = await db.select({ id: db.t.registeredModels.id }).from(db.t.registeredModels).where(eq(db.t.registeredModels.name, 'fraud'));
    expect(await describeModel(db, model.id, '  Scores card payments  ', 'u-sci')).toBe(true);
    const [row] = await db.select({ description: db.t.registeredModels.description }).from(db.t.registeredModels).where(eq(db.t.registeredModels.id, model.id));
    expect(row.description).toBe('Scores card payments');
    expect(await describeModel(db, 'nope', 'x', 'u-sci')).toBe(false);
    expect(await db.select().from(db.t.auditEvents).where(eq(db.t.auditEvents.action, 'model.describe'))).toHaveLength(1);
  });
});
