// The registry against the real runner and a real database (SQLite or Postgres): a train node's
// `register` option, registering by hand, what a version records (signature, metrics, lineage), and
// lineage both ways.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIPEWORKS_VERSION } from '../../nodes/implementation-hashes.generated.ts';
import { createRegistry } from '../../nodes/registry';
import { closeDb, getDb } from '../../server/db/client';
import { resetEnvForTests } from '../../server/env';
import { seedSampleProject } from '../../server/pipelines/seed';
import { startRun } from '../../server/pipelines/start-run';
import { latestVersionNumber, saveVersion } from '../../server/pipelines/versions';
import { readRun } from '../../server/runners/read-run';
import { datasetLineageGraph, modelLineageGraph } from '../../server/registry/lineage-graph';
import { registerModelVersion } from '../../server/registry/register';
import { listVersions } from '../../server/registry/registry-list';
import { readVersion } from '../../server/registry/registry-read';
import { draftFromRunStep } from '../../server/registry/run-version-draft';
import { closeRunManager, getRunManager } from '../../server/runtime';
import { importCsv } from './helpers/import-dataset';
import { datasetClassifier } from './helpers/registry-pipeline';
import { newDataDir } from './helpers/server-process';

const dataDir = newDataDir();
let datasetVersionId: string;

beforeAll(async () => {
  process.env.PIPEWORKS_DATA_DIR = dataDir;
  process.env.PIPEWORKS_TEST_NODES = '1';
  resetEnvForTests();
  await seedSampleProject(getDb().anyDb);
  const file = new URL('../../nodes/ingest/samples/breast-cancer.csv', import.meta.url).pathname;
  datasetVersionId = (await importCsv(getDb().anyDb, dataDir, file, 'cancer')).version.id;
});

afterAll(async () => {
  await closeRunManager();
  closeDb();
});

async function runToEnd(pipelineId: string) {
  const { runId } = await startRun(getDb().anyDb, { pipelineId, trigger: 'api', userId: null });
  await getRunManager().whenDone(runId);
  return (await readRun(getDb().anyDb, runId))!;
}

async function logsOf(runId: string, stepId: string): Promise<string[]> {
  const { anyDb } = getDb();
  const { stepLogs } = anyDb.t;
  return (await anyDb.select({ message: stepLogs.message }).from(stepLogs).where(and(eq(stepLogs.runId, runId), eq(stepLogs.stepId, stepId))).orderBy(stepLogs.id)).map((l) => l.message);
}

describe('registering models from runs', () => {
  let modelId: string;
  let firstRunId: string;

  it('registers the model of a train node with `register` when its run succeeds', async () => {
    const doc = datasetClassifier({ dataset: 'cancer', register: 'cancer-screen' });
    await saveVersion(getDb().anyDb, 'sample', doc, null, { baseVersion: await latestVersionNumber(getDb().anyDb, doc.id) });
    const run = await runToEnd('cancer-registry');
    expect(run.status).toBe('succeeded');
    firstRunId = run.id;
    expect(await logsOf(run.id, 'train')).toContain('Registered as cancer-screen v1');
    const page = await listVersions(getDb().anyDb, { offset: 0, limit: 50, sort: 'created', direction: 'desc' });
    expect(page.rows.map((r) => [r.modelName, r.version])).toEqual([['cancer-screen', 1]]);
    modelId = page.rows[0].modelId;

    const version = (await readVersion(getDb().anyDb, modelId, 1))!;
    expect(version).toMatchObject({ source: 'run', format: 'pipeworks/logistic', runId: run.id, stepId: 'train', pipelineId: 'cancer-registry' });
    expect(version.artifactId).toBe(run.steps.find((s) => s.stepId === 'train')!.outputs!.model.id);
    expect(version.signature.target).toBe('diagnosis');
    expect(version.signature.task).toBe('binary');
    expect(version.signature.labels).toEqual(['benign', 'malignant']);
    expect(version.signature.inputs).toHaveLength(30);
    expect(version.signature.inputs[0]).toEqual({ name: 'mean_radius', type: 'numeric', role: 'feature' });
    expect(version.metrics.roc_auc).toBeGreaterThan(0.95);
    expect(version.params.map((p) => p.key)).toContain('target');
    expect(version.params.map((p) => p.key)).not.toContain('register');
    expect(version.pipelineVersion).toMatchObject({ version: 1 });
  });

  it('adds no copy when a cached re-run holds the same model, and a new version when asked by hand', async () => {
    const again = await runToEnd('cancer-registry');
    expect(again.steps.find((s) => s.stepId === 'train')!.status).toBe('cached');
    expect(await logsOf(again.id, 'train')).toContain('Already registered as cancer-screen v1 (the same model); no new version');
    const { anyDb } = getDb();
    const { projectId, draft } = await draftFromRunStep(anyDb, dataDir, { runId: again.id, stepId: 'train' });
    expect(projectId).toBe('sample');
    expect((await registerModelVersion(anyDb, { projectId, modelName: 'cancer-screen', draft, userId: null, via: 'manual' })).version).toBe(2);
  });

  it('explains what cannot be registered', async () => {
    const { anyDb } = getDb();
    await expect(draftFromRunStep(anyDb, dataDir, { runId: firstRunId, stepId: 'split' })).rejects.toThrow(/does not output a model/);
    await expect(draftFromRunStep(anyDb, dataDir, { runId: firstRunId, stepId: 'nope' })).rejects.toThrow(/has no step "nope"/);
    await expect(draftFromRunStep(anyDb, dataDir, { runId: firstRunId, stepId: 'train', output: 'weights' })).rejects.toThrow(/no model output "weights"/);
  });

  it('draws lineage from the version back to the dataset version and its file, with params and code hashes', async () => {
    const version = (await readVersion(getDb().anyDb, modelId, 1))!;
    const graph = modelLineageGraph(version);
    const dataset = graph.nodes.find((n) => n.kind === 'dataset');
    expect(dataset).toMatchObject({ datasetVersionId, name: 'cancer', version: 1, sourceFilename: 'breast-cancer.csv', rows: 569 });
    const steps = graph.nodes.filter((n) => n.kind === 'step');
    expect(steps.map((s) => s.kind === 'step' && s.stepId)).toEqual(['ingest', 'split', 'train']);
    const split = steps.find((s) => s.kind === 'step' && s.stepId === 'split');
    const splitCode = createRegistry().get('split/random', 1)!.implementationHash!;
    expect(split).toMatchObject({ codeHash: splitCode, implementationHash: splitCode, pipeworksVersion: PIPEWORKS_VERSION, upgradesCacheCompatible: false, parent: 'pipeline', params: expect.objectContaining({ seed: 0 }) });
    expect(graph.nodes.find((n) => n.kind === 'pipeline')).toMatchObject({ pipelineId: 'cancer-registry', version: 1, runId: firstRunId });
    // A path of edges leads from the dataset to the model.
    const next = new Map(graph.edges.map((e) => [e.source, e.target]));
    const path = [dataset!.id];
    while (next.has(path.at(-1)!)) path.push(next.get(path.at(-1)!)!);
    expect(path.at(-1)).toBe(`model:${version.id}`);
  });

  it('goes forward from the dataset version to the runs that read it and the versions registered from them', async () => {
    const graph = (await datasetLineageGraph(getDb().anyDb, datasetVersionId))!;
    expect(graph.nodes.filter((n) => n.kind === 'run')).toHaveLength(2);
    expect(graph.nodes.find((n) => n.kind === 'pipeline')).toMatchObject({ name: 'Cancer screen', version: 1, runs: 2 });
    expect(graph.nodes.filter((n) => n.kind === 'model').map((n) => n.kind === 'model' && n.version)).toEqual([1, 2]);
    expect(await datasetLineageGraph(getDb().anyDb, 'no-such-version')).toBeNull();
  });
});
