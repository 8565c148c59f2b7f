// The ONNX import on a real SQLite file and artifact store, with the scikit-learn fixtures: a good
// signature registers a version whose stored model scores like scikit-learn; a bad one is refused
// with the field it got wrong, and nothing is stored.
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { modelVersions } from '../db/schema';
import { openTestDb, type TestDb } from '../db/test-db';
import { loadOnnxSession, onnxScorer, scoreOnnxRows } from '../onnx/onnx-scorer';
import { readArtifactBytes } from '../store/artifact-files';
import { importOnnxVersion, type ImportSignature } from './import-onnx';
import { seedRegistryFixtures } from './test-kit';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../tests/fixtures/onnx/${name}`, import.meta.url)));
const expected = JSON.parse(readFileSync(new URL('../../tests/fixtures/onnx/sklearn-expected.json', import.meta.url), 'utf8'));
const csvRows = (name: string) =>
  readFileSync(new URL(`../../tests/fixtures/onnx/${name}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').map(Number));

const iris: ImportSignature = {
  inputs: expected.classifier.features.map((name: string) => ({ name, type: 'numeric' })),
  target: 'species',
  task: 'multiclass',
  labels: expected.classifier.labels,
};

let t: TestDb;
beforeEach(async () => {
  t = openTestDb();
  await seedRegistryFixtures(t.anyDb);
});
afterEach(() => t.cleanup());

const importIt = (file: string, signature: unknown) => importOnnxVersion(t.anyDb, t.dir, { projectId: 'p1', modelName: 'iris', bytes: fixture(file), signature, userId: 'u-sci' });

describe('importOnnxVersion', () => {
  it('registers the ZipMap classifier with its signature, and the stored bytes score like scikit-learn', async () => {
    const v = await importIt('sklearn-zipmap.onnx', iris);
    expect(v).toMatchObject({ version: 1, created: true });
    expect(v.check.scores).toHaveLength(3);
    const row = t.db.select().from(modelVersions).where(eq(modelVersions.id, v.versionId)).get()!;
    expect(row).toMatchObject({ source: 'import', format: 'onnx' });
    expect(row.signature).toEqual({ ...iris, inputs: iris.inputs.map((c) => ({ ...c, role: 'feature' })) });

    const scorer = onnxScorer(await loadOnnxSession(await readArtifactBytes(t.dir, row.artifactId)), row.signature);
    const predictions = await scoreOnnxRows(scorer, csvRows(expected.classifier.csv));
    await scorer.release();
    expect(predictions.labels).toEqual(expected.classifier.labels);
    expected.classifier.probabilities.flat().forEach((p: number, i: number) => expect(Math.abs(predictions.scores[i] - p)).toBeLessThan(1e-5));
  });

  it('registers the forest as a regression, one value per row', async () => {
    const v = await importIt('sklearn-forest.onnx', { inputs: [{ name: 'x0', type: 'numeric' }, { name: 'x1', type: 'numeric' }, { name: 'x2', type: 'numeric' }], target: 'y', task: 'regression', labels: [] });
    const row = t.db.select().from(modelVersions).where(eq(modelVersions.id, v.versionId)).get()!;
    const scorer = onnxScorer(await loadOnnxSession(await readArtifactBytes(t.dir, row.artifactId)), row.signature);
    const predictions = await scoreOnnxRows(scorer, csvRows(expected.regressor.csv));
    await scorer.release();
    expected.regressor.predictions.forEach((p: number, i: number) => expect(Math.abs(predictions.scores[i] - p)).toBeLessThan(1e-5));
  });

  it('refuses a signature that does not fit the model, naming the field, and stores nothing', async () => {
    await expect(importIt('sklearn-zipmap.onnx', { ...iris, labels: ['a', 'b', 'c', 'd'] })).rejects.toMatchObject({ details: { field: 'labels' }, message: expect.stringContaining('ZipMap output_probability has 3 classes') });
    await expect(importIt('sklearn-zipmap.onnx', { ...iris, inputs: iris.inputs.slice(1) })).rejects.toMatchObject({ details: { field: 'inputs' }, message: expect.stringContaining('takes 4 values per row') });
    await expect(importIt('sklearn-zipmap.onnx', { ...iris, inputs: [...iris.inputs.slice(0, 3), { name: 'petal_width', type: 'text' }] })).rejects.toMatchObject({ details: { field: 'inputs[3].type' } });
    await expect(importIt('sklearn-zipmap.onnx', { ...iris, task: 'regression' })).rejects.toMatchObject({ details: { field: 'labels' } });
    await expect(importIt('sklearn-zipmap.onnx', { ...iris, task: 'guess' })).rejects.toMatchObject({ details: { field: 'task' } });
    await expect(importIt('iris-rows.csv', iris)).rejects.toMatchObject({ details: { field: 'file' }, message: expect.stringContaining('not an ONNX model') });
    expect(t.db.select().from(modelVersions).all()).toEqual([]);
  });
});
