// Issue 13's "a skl2onnx model file committed as a fixture imports": the scikit-learn ZipMap
// classifier (tests/fixtures/onnx) is posted to the real server as a new registry version; the
// stored signature is what was sent, the version lists as an ONNX import, and the stored bytes
// score the fixture rows like scikit-learn. A bad signature or file gets a 400 naming the field.
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { first } from '../../server/db/any-db';
import { openTestDbIn } from '../../server/db/test-db';
import { loadOnnxSession, onnxScorer, scoreOnnxRows } from '../../server/onnx/onnx-scorer';
import { readArtifactBytes } from '../../server/store/artifact-files';
import { startServer, stopServer, type ServerHandle } from './helpers/server-process';
import { HttpClient } from './helpers/trpc-http';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/onnx/${name}`, import.meta.url));
const expected = JSON.parse(fixture('sklearn-expected.json').toString('utf8'));
const rows = fixture(expected.classifier.csv).toString('utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
const signature = {
  inputs: expected.classifier.features.map((name: string) => ({ name, type: 'numeric' })),
  target: 'species',
  task: 'multiclass',
  labels: expected.classifier.labels,
};

let server: ServerHandle;
let admin: HttpClient;

async function post(client: HttpClient, query: Record<string, string>, body: Buffer) {
  const res = await fetch(`${server.url}/api/models/import?${new URLSearchParams(query)}`, { method: 'POST', headers: { cookie: client.cookie }, body: new Uint8Array(body) });
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  server = await startServer();
  admin = new HttpClient(server.url);
  HttpClient.data(await admin.mutate('auth.setup', { name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' }));
});

afterAll(async () => {
  if (server) await stopServer(server);
});

describe('POST /api/models/import', () => {
  it('imports the skl2onnx-shaped ZipMap classifier as a registry version with the signature sent', async () => {
    const res = await post(admin, { projectId: 'sample', name: 'iris-sklearn', signature: JSON.stringify(signature), description: 'LogisticRegression from scikit-learn' }, fixture('sklearn-zipmap.onnx'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ modelName: 'iris-sklearn', version: 1, created: true });

    const version = HttpClient.data(await admin.query('registry.version', { modelId: res.body.modelId, version: 1 }));
    expect(version).toMatchObject({ source: 'import', format: 'onnx', description: 'LogisticRegression from scikit-learn' });
    expect(version.signature).toEqual({ ...signature, inputs: signature.inputs.map((c: object) => ({ ...c, role: 'feature' })) });
    const listed = HttpClient.data(await admin.query('registry.versions', { projectId: 'sample', format: 'onnx' }));
    expect(listed.rows.map((r: { modelName?: string; version: number }) => r.version)).toEqual([1]);

    // What serving would load: the stored bytes, scored through the server's helper, match scikit-learn.
    const opened = openTestDbIn(server.dataDir);
    const { t } = opened.anyDb;
    const row = first(await opened.anyDb.select({ artifactId: t.modelVersions.artifactId }).from(t.modelVersions).where(eq(t.modelVersions.id, res.body.versionId)).limit(1));
    opened.close();
    const artifactId = row!.artifactId;
    const scorer = onnxScorer(await loadOnnxSession(await readArtifactBytes(server.dataDir, artifactId)), version.signature);
    const predictions = await scoreOnnxRows(scorer, rows);
    await scorer.release();
    expected.classifier.probabilities.flat().forEach((p: number, i: number) => expect(Math.abs(predictions.scores[i] - p)).toBeLessThan(1e-5));
  });

  it('answers 400 naming the field for a signature or file that does not fit, and 401 without a session', async () => {
    const bad = await post(admin, { projectId: 'sample', name: 'iris-sklearn', signature: JSON.stringify({ ...signature, labels: ['a', 'b'] }) }, fixture('sklearn-zipmap.onnx'));
    expect(bad).toMatchObject({ status: 400, body: { field: 'labels', error: expect.stringContaining('3 classes') } });
    const notOnnx = await post(admin, { projectId: 'sample', name: 'iris-sklearn', signature: JSON.stringify(signature) }, fixture('iris-rows.csv'));
    expect(notOnnx).toMatchObject({ status: 400, body: { field: 'file' } });
    const badJson = await post(admin, { projectId: 'sample', name: 'iris-sklearn', signature: '{' }, fixture('sklearn-zipmap.onnx'));
    expect(badJson).toMatchObject({ status: 400, body: { field: 'signature' } });
    const anonymous = await fetch(`${server.url}/api/models/import?projectId=sample&name=x&signature=%7B%7D`, { method: 'POST', body: new Uint8Array(fixture('sklearn-zipmap.onnx')) });
    expect(anonymous.status).toBe(401);
    // Nothing refused was stored: still the one version from the first test.
    expect(HttpClient.data(await admin.query('registry.versions', { projectId: 'sample', format: 'onnx' })).total).toBe(1);
  });
});
