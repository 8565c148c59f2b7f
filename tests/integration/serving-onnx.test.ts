// An imported scikit-learn model (skl2onnx, ZipMap) served by the serving process: KServe V2 and
// MLflow answer scikit-learn's probabilities for the committed rows, scored by onnxruntime-node.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDbIn } from '../../server/db/test-db';
import { importOnnxVersion } from '../../server/registry/import-onnx';
import { addKey, createEndpoint, deploy, ensureProject } from '../../server/serving/test-kit';
import { newDataDir } from './helpers/server-process';
import { startServing, stopServing, type ServingHandle } from './helpers/serving-process';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/onnx/${name}`, import.meta.url));
const expected = JSON.parse(fixture('sklearn-expected.json').toString('utf8')).classifier as { features: string[]; labels: string[]; predictions: string[]; probabilities: number[][] };
const rows = fixture('iris-rows.csv').toString('utf8').trim().split('\n').slice(1).map((line) => line.split(',').map(Number));

let serving: ServingHandle;
let opened: ReturnType<typeof openTestDbIn>;
let key: string;

beforeAll(async () => {
  const dataDir = newDataDir();
  // The serving process's database: the SQLite file in dataDir, or the test file's Postgres database.
  opened = openTestDbIn(dataDir);
  const db = opened.anyDb;
  const projectId = await ensureProject(db);
  const signature = { inputs: expected.features.map((name) => ({ name, type: 'numeric' })), target: 'species', task: 'multiclass', labels: expected.labels };
  const version = await importOnnxVersion(db, dataDir, { projectId, modelName: 'iris', bytes: new Uint8Array(fixture('sklearn-zipmap.onnx')), signature, userId: null });
  const endpoint = await createEndpoint(db, 'iris', version.modelId);
  await deploy(db, endpoint, version.versionId);
  key = (await addKey(db, endpoint)).key;
  serving = await startServing({ dataDir });
});

afterAll(async () => {
  if (serving) await stopServing(serving);
  opened?.close();
});

const post = (path: string, body: unknown) =>
  fetch(`${serving.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) });

it('answers V2 infer with scikit-learn probabilities and labels', async () => {
  const inputs = expected.features.map((name, c) => ({ name, shape: [rows.length], datatype: 'FP64', data: rows.map((r) => r[c]) }));
  const res = await post('/v2/models/iris/infer', { inputs });
  expect(res.status).toBe(200);
  const body = await res.json();
  const [predict, proba] = body.outputs;
  expect(predict.data).toEqual(expected.predictions);
  expect(proba.shape).toEqual([rows.length, 3]);
  expected.probabilities.flat().forEach((p, i) => expect(Math.abs(proba.data[i] - p)).toBeLessThan(1e-5));
  const meta = await (await fetch(`${serving.url}/v2/models/iris`, { headers: { authorization: `Bearer ${key}` } })).json();
  expect(meta).toMatchObject({ platform: 'pipeworks_onnx', parameters: { scorer: 'onnxruntime-import', task: 'multiclass' } });
});

it('answers MLflow dataframe_split the same way, and names a wrong type', async () => {
  const res = await post('/endpoints/iris/invocations', { dataframe_split: { columns: expected.features, data: rows } });
  expect((await res.json()).predictions).toEqual(expected.predictions);
  const bad = await post('/endpoints/iris/invocations', { dataframe_records: [{ sepal_length: 'long', sepal_width: 1, petal_length: 1, petal_width: 1 }] });
  expect(bad.status).toBe(400);
  expect((await bad.json()).message).toMatch(/Column "sepal_length", row 0: expected a number/);
});
