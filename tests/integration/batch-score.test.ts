// The batch score node in a real pipeline on the real runner and the test database (SQLite or Postgres): it scores the test split
// with the trained model, and its `saveAs` makes the scored table the next dataset version once the
// run succeeds (a cached re-run adds none; a bad name is logged, the run still succeeds). The same
// model downloaded as ONNX (?format=onnx) gives the same columns in onnxruntime-node.
import { readFileSync } from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineDoc } from '../../engine/document';
import { decodeValue } from '../../nodes/codec';
import { closeDb, getDb } from '../../server/db/client';
import { first as firstRow } from '../../server/db/any-db';
import { findDataset } from '../../server/datasets/dataset-store';
import { resetEnvForTests } from '../../server/env';
import { seedSampleProject } from '../../server/pipelines/seed';
import { startRun } from '../../server/pipelines/start-run';
import { latestVersionNumber, saveVersion } from '../../server/pipelines/versions';
import { exportModelOnnx } from '../../server/http/model-onnx';
import { openOnnx, runOnnx } from '../../server/onnx/ort-session';
import { onnxFeeds } from '../../nodes/onnx/onnx-feeds';
import { parsePreprocessing } from '../../nodes/train/preprocess-state';
import { readRun } from '../../server/runners/read-run';
import { closeRunManager, getRunManager } from '../../server/runtime';
import { readArtifactBytesSync, writeArtifactBytes } from '../../server/store/artifact-files';
import { recordArtifact } from '../../server/store/artifacts';
import { datasetClassifier } from './helpers/registry-pipeline';
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

function scoringPipeline(saveAs: string, register?: string): PipelineDoc {
  const doc = datasetClassifier({ id: 'cancer-scoring', register });
  doc.nodes.push({ id: 'score', type: 'deploy/batch-score', version: 1, params: { saveAs }, position: { x: 600, y: 200 } });
  doc.edges.push(
    { id: 'e5', source: 'train', sourceHandle: 'model', target: 'score', targetHandle: 'model' },
    { id: 'e6', source: 'split', sourceHandle: 'test', target: 'score', targetHandle: 'table' },
  );
  return doc;
}

async function run(doc: PipelineDoc) {
  await saveVersion(getDb().anyDb, 'sample', doc, null, { baseVersion: await latestVersionNumber(getDb().anyDb, doc.id) });
  const { runId } = await startRun(getDb().anyDb, { pipelineId: doc.id, trigger: 'api', userId: null });
  await getRunManager().whenDone(runId);
  return (await readRun(getDb().anyDb, runId))!;
}

async function logsOf(runId: string, stepId: string): Promise<string[]> {
  const db = getDb().anyDb;
  const { stepLogs } = db.t;
  const rows = await db.select({ message: stepLogs.message }).from(stepLogs).where(and(eq(stepLogs.runId, runId), eq(stepLogs.stepId, stepId))).orderBy(asc(stepLogs.id));
  return rows.map((l) => l.message);
}

describe('deploy/batch-score in a pipeline', () => {
  it('adds predictions to the test split and saves the scored table as a new dataset version', async () => {
    const result = await run(scoringPipeline('scored-cancer'));
    expect(result.status).toBe('succeeded');
    const ref = result.steps.find((s) => s.stepId === 'score')!.outputs!.table;
    const scored = decodeValue('table', readArtifactBytesSync(dataDir, ref.id));
    if (scored.kind !== 'table') throw new Error('expected a table');
    const names = scored.columns.map((c) => c.name);
    expect(names.slice(-3)).toEqual(['prediction', 'prediction_benign', 'prediction_malignant']);
    const labels = scored.table.getChild('prediction')!.toArray() as string[];
    const truth = scored.table.getChild('diagnosis')!.toArray() as string[];
    const accuracy = labels.filter((l, i) => l === truth[i]).length / labels.length;
    expect(accuracy).toBeGreaterThan(0.9);

    expect(await logsOf(result.id, 'score')).toContain('Saved as dataset scored-cancer v1');
    const db = getDb().anyDb;
    const { datasetVersions } = db.t;
    const dataset = (await findDataset(db, 'scored-cancer'))!;
    const versions = await db.select().from(datasetVersions).where(eq(datasetVersions.datasetId, dataset.id));
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 1, artifactId: ref.id, rows: scored.table.numRows, format: 'run', options: { runId: result.id, stepId: 'score' } });
    expect(versions[0].columns.map((c) => c.name)).toEqual(names);
  });

  it('adds no version when a cached re-run gives the same table', async () => {
    const again = await run(scoringPipeline('scored-cancer'));
    expect(again.steps.find((s) => s.stepId === 'score')!.status).toBe('cached');
    expect(await logsOf(again.id, 'score')).toContain('Dataset scored-cancer v1 already holds this table; no new version');
  });

  it('logs why a name cannot be saved, and the run still succeeds', async () => {
    const bad = await run(scoringPipeline('bad\u0007name'));
    expect(bad.status).toBe('succeeded');
    expect((await logsOf(bad.id, 'score')).join('\n')).toMatch(/Could not save the table as dataset "bad.name": A dataset name cannot contain control characters/);
  });
});

describe('the same model downloaded as ONNX', () => {
  it('answers ?format=onnx with a model whose outputs are the batch score columns, and refuses a table', async () => {
    const result = await run(scoringPipeline('scored-cancer'));
    const db = getDb().anyDb;
    const { artifacts } = db.t;
    const step = (id: string) => result.steps.find((s) => s.stepId === id)!;
    const row = async (id: string) => firstRow(await db.select().from(artifacts).where(eq(artifacts.id, id)).limit(1))!;
    const res = await exportModelOnnx(await row(step('train').outputs!.model.id), 'cancer screen v1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="cancer screen v1.onnx"');
    const model = decodeValue('model', readArtifactBytesSync(dataDir, step('train').outputs!.model.id));
    const scored = decodeValue('table', readArtifactBytesSync(dataDir, step('score').outputs!.table.id));
    if (model.kind !== 'model' || scored.kind !== 'table') throw new Error('unexpected artifact kinds');

    const session = await openOnnx(new Uint8Array(await res.arrayBuffer()));
    const out = await runOnnx(session, onnxFeeds(parsePreprocessing(model.model.preprocessing), scored.table));
    await session.release();
    expect(out.label.data).toEqual(scored.table.getChild('prediction')!.toArray());
    const malignant = scored.table.getChild('prediction_malignant')!.toArray() as Float64Array;
    const probabilities = out.probabilities.data as Float64Array;
    malignant.forEach((p, r) => expect(Math.abs(probabilities[r * 2 + 1] - p)).toBeLessThan(1e-5));

    // An imported ONNX version's artifact is ONNX already: it comes back byte for byte.
    const imported = new Uint8Array(readFileSync(new URL('../fixtures/onnx/logistic.onnx', import.meta.url)));
    const written = await writeArtifactBytes(dataDir, imported);
    await recordArtifact(getDb().anyDb, { id: written.id, kind: 'onnx', mediaType: 'application/onnx', size: written.size });
    const asImported = await exportModelOnnx(await row(written.id), 'imported');
    expect(asImported.status).toBe(200);
    expect(new Uint8Array(await asImported.arrayBuffer())).toEqual(imported);

    const refused = await exportModelOnnx(await row(step('score').outputs!.table.id), null);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: 'Only models export as ONNX; this is a table artifact' });
  });
});

describe('scoring with a registered version by name', () => {
  it('reads the version compile resolved, is a cache hit while it stays the same; compile names a missing model or alias', async () => {
    expect((await run(scoringPipeline('', 'cancer-screen'))).status).toBe('succeeded');
    const doc: PipelineDoc = {
      schemaVersion: 1,
      id: 'cancer-rescore',
      name: 'Rescore',
      nodes: [
        { id: 'ingest', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'breast-cancer' }, position: { x: 0, y: 0 } },
        { id: 'score', type: 'deploy/batch-score', version: 1, params: { model: 'cancer-screen', version: 'latest' }, position: { x: 200, y: 0 } },
      ],
      edges: [{ id: 'e1', source: 'ingest', sourceHandle: 'table', target: 'score', targetHandle: 'table' }],
      settings: { placement: 'server' },
    };
    const first = await run(doc);
    expect(first.status).toBe('succeeded');
    expect((await logsOf(first.id, 'score'))[0]).toMatch(/^Scoring with cancer-screen latest \([0-9a-f]{12}\)$/);
    const scored = decodeValue('table', readArtifactBytesSync(dataDir, first.steps.find((s) => s.stepId === 'score')!.outputs!.table.id));
    if (scored.kind !== 'table') throw new Error('expected a table');
    expect(scored.table.numRows).toBe(569);
    expect((await run(doc)).steps.find((s) => s.stepId === 'score')!.status).toBe('cached');

    // Compile refuses a name or alias the project does not have, on the field, before anything runs.
    const withParams = (params: Record<string, unknown>): PipelineDoc => ({ ...doc, nodes: doc.nodes.map((n) => (n.id === 'score' ? { ...n, params } : n)) });
    await expect(run(withParams({ model: 'cancer-screen', version: 'production' }))).rejects.toMatchObject({
      issues: [{ nodeId: 'score', field: 'params.version', message: expect.stringContaining('model "cancer-screen" has no alias "production"') }],
    });
    await expect(run(withParams({ model: 'cancer-scren' }))).rejects.toMatchObject({
      issues: [{ nodeId: 'score', field: 'params.model', message: expect.stringContaining('there is no registered model "cancer-scren" in this project. Did you mean "cancer-screen"?') }],
    });
  });
});
