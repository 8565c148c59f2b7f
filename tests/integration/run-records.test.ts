// Runs as records, with the real server runner on the test database (SQLite or Postgres): every run writes its params, dataset
// versions and step records when created and its metrics as steps finish (also when a step is a
// cache hit), a search's trials become child runs, and runs from before these tables get their
// rows at start-up.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, type PipelineDoc } from '../../engine/document';
import { PIPEWORKS_VERSION } from '../../nodes/implementation-hashes.generated.ts';
import { createRegistry } from '../../nodes/registry';
import { first as firstRow } from '../../server/db/any-db';
import { closeDb, getDb } from '../../server/db/client';
import { resetEnvForTests } from '../../server/env';
import { samplePipelinePath, seedSampleProject } from '../../server/pipelines/seed';
import { startRun } from '../../server/pipelines/start-run';
import { latestVersionNumber, saveVersion } from '../../server/pipelines/versions';
import { backfillRunRecords } from '../../server/runs/backfill-records';
import { closeRunManager, getRunManager } from '../../server/runtime';
import { importCsv } from './helpers/import-dataset';
import { newDataDir } from './helpers/server-process';

const dataDir = newDataDir();

beforeAll(async () => {
  process.env.PIPEWORKS_DATA_DIR = dataDir;
  resetEnvForTests();
  await seedSampleProject(getDb().anyDb);
});

afterAll(async () => {
  await closeRunManager();
  closeDb();
});

async function runToEnd(pipelineId: string, version?: number) {
  const { runId } = await startRun(getDb().anyDb, { pipelineId, version, trigger: 'api', userId: null });
  await getRunManager().whenDone(runId);
  return runId;
}

async function metricsOf(runId: string): Promise<Record<string, number>> {
  const { runMetrics } = getDb().anyDb.t;
  const rows = await getDb().anyDb.select().from(runMetrics).where(eq(runMetrics.runId, runId));
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

async function paramsOf(runId: string): Promise<Record<string, string>> {
  const { runParams } = getDb().anyDb.t;
  const rows = await getDb().anyDb.select().from(runParams).where(eq(runParams.runId, runId));
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

const samplePath = (file: string) => path.join(process.cwd(), 'nodes/ingest/samples', file);

function sampleDoc(file: string): PipelineDoc {
  const parsed = parseDocument(readFileSync(samplePipelinePath(file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file} is invalid`);
  return parsed.value;
}

describe('runs as records', () => {
  let first: string;

  it('records params, step records and each evaluation’s metrics of a server run', async () => {
    first = await runToEnd('breast-cancer-classifier');
    const db = getDb().anyDb;
    const { runs, runParams, stepRuns, runDatasets } = db.t;
    expect(firstRow(await db.select({ status: runs.status }).from(runs).where(eq(runs.id, first)).limit(1))?.status).toBe('succeeded');
    const metrics = await metricsOf(first);
    expect(metrics['evaluate-logistic.roc_auc']).toBeGreaterThan(0.98);
    expect(metrics['evaluate-mlp.roc_auc']).toBeGreaterThan(0.9);
    expect(metrics['evaluate-logistic.gates_passed']).toBe(1);
    expect(metrics['logistic.rows']).toBe(426);
    expect(await paramsOf(first)).toMatchObject({ 'split.seed': '0', 'split.stratifyBy': 'diagnosis', 'mlp.epochs': '40', 'ingest.dataset': 'breast-cancer' });
    const seed = firstRow(await db.select().from(runParams).where(and(eq(runParams.runId, first), eq(runParams.key, 'split.seed'))).limit(1));
    expect(seed?.num).toBe(0);
    const split = firstRow(await db.select().from(stepRuns).where(and(eq(stepRuns.runId, first), eq(stepRuns.stepId, 'split'))).limit(1))!;
    expect(split.params).toMatchObject({ seed: 0, train: 0.75 });
    expect(split.codeHash).toBe(createRegistry().get('split/random', 1)!.implementationHash);
    expect(split).toMatchObject({ implementationHash: split.codeHash, pipeworksVersion: PIPEWORKS_VERSION });
    const source = await db.select().from(runDatasets).where(eq(runDatasets.runId, first));
    expect(source).toEqual([expect.objectContaining({ stepId: 'ingest', nodeType: 'ingest/sample-dataset', datasetVersionId: null })]);
    expect(source[0].sourceKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records the metrics of steps served from the cache too', async () => {
    const second = await runToEnd('breast-cancer-classifier');
    const db = getDb().anyDb;
    const { stepRuns } = db.t;
    const steps = await db.select({ status: stepRuns.status, stepId: stepRuns.stepId }).from(stepRuns).where(eq(stepRuns.runId, second));
    expect(steps.find((s) => s.stepId === 'evaluate-logistic')?.status).toBe('cached');
    const metrics = await metricsOf(second);
    expect(metrics['evaluate-logistic.roc_auc']).toBe((await metricsOf(first))['evaluate-logistic.roc_auc']);
  });

  it('makes every search trial a child run with its params and score', async () => {
    const doc = sampleDoc('breast-cancer-classifier.json');
    doc.nodes = doc.nodes.filter((n) => ['ingest', 'split'].includes(n.id));
    doc.nodes.find((n) => n.id === 'split')!.params = { train: 0.6, validation: 0.2, test: 0.2, seed: 0, stratifyBy: 'diagnosis' };
    doc.nodes.push({
      id: 'search',
      type: 'train/hyperparameter-search',
      version: 1,
      params: { target: 'diagnosis', algorithm: 'pipeworks/logistic', strategy: 'grid', nTrials: 3, space: { C: [0.01, 1, 100] } },
      position: { x: 600, y: 0 },
    });
    doc.edges = [
      { id: 'e1', source: 'ingest', sourceHandle: 'table', target: 'split', targetHandle: 'table' },
      { id: 'e2', source: 'split', sourceHandle: 'train', target: 'search', targetHandle: 'train' },
      { id: 'e3', source: 'split', sourceHandle: 'validation', target: 'search', targetHandle: 'validation' },
    ];
    const saved = await saveVersion(getDb().anyDb, 'sample', { ...doc, id: 'search-records', name: 'Search records' }, null, { baseVersion: await latestVersionNumber(getDb().anyDb, 'search-records') });
    const parent = await runToEnd(saved.pipelineId, saved.version);
    const db = getDb().anyDb;
    const { runs } = db.t;
    const children = await db.select().from(runs).where(eq(runs.parentRunId, parent));
    expect(children.map((c) => c.name).sort()).toEqual(['Trial 1', 'Trial 2', 'Trial 3']);
    expect(children.every((c) => c.parentStepId === 'search' && c.status === 'succeeded' && c.pipelineVersionId !== null)).toBe(true);
    const byTrial = new Map(children.map((c) => [c.name, c.id]));
    expect(await paramsOf(byTrial.get('Trial 1')!)).toEqual({ 'search.C': '0.01' });
    const scores = await Promise.all(children.map(async (c) => (await metricsOf(c.id))['search.roc_auc']));
    expect(scores.every((s) => s > 0.9 && s <= 1)).toBe(true);
    expect((await metricsOf(parent))['search.roc_auc']).toBe(Math.max(...scores));
    expect((await metricsOf(parent))['search.trials']).toBe(3);
  });

  it('fills in the records of runs made before they existed', async () => {
    const db = getDb().anyDb;
    const { runs, runMetrics, runParams, runDatasets } = db.t;
    await db.delete(runMetrics).where(eq(runMetrics.runId, first));
    await db.delete(runParams).where(eq(runParams.runId, first));
    await db.delete(runDatasets).where(eq(runDatasets.runId, first));
    await db.update(runs).set({ recordsIndexed: false }).where(eq(runs.id, first));
    const before = { ...(await metricsOf(first)) };
    expect(before).toEqual({});
    expect(await backfillRunRecords(getDb().anyDb, dataDir)).toBe(1);
    expect((await metricsOf(first))['evaluate-logistic.roc_auc']).toBeGreaterThan(0.98);
    expect((await paramsOf(first))['split.seed']).toBe('0');
    expect(await db.select().from(runDatasets).where(eq(runDatasets.runId, first))).toHaveLength(1);
    expect(await backfillRunRecords(getDb().anyDb, dataDir)).toBe(0);
  });

  it('records the dataset version an ingest step read', async () => {
    const db = getDb().anyDb;
    const { runDatasets } = db.t;
    const imported = await importCsv(getDb().anyDb, dataDir, samplePath('iris.csv'), 'iris');
    const doc: PipelineDoc = {
      schemaVersion: 1,
      id: 'records-dataset',
      name: 'Records dataset',
      nodes: [{ id: 'data', type: 'ingest/dataset', version: 1, params: { name: 'iris' }, position: { x: 0, y: 0 } }],
      edges: [],
    };
    const saved = await saveVersion(getDb().anyDb, 'sample', doc, null, { baseVersion: await latestVersionNumber(getDb().anyDb, doc.id) });
    const runId = await runToEnd(saved.pipelineId, saved.version);
    expect(await db.select().from(runDatasets).where(eq(runDatasets.runId, runId))).toEqual([
      expect.objectContaining({ stepId: 'data', nodeType: 'ingest/dataset', sourceKey: imported.version.artifactId, datasetVersionId: imported.version.id }),
    ]);
    expect(await paramsOf(runId)).toEqual({ 'data.name': 'iris', 'data.version': 'latest' });
  });
});
