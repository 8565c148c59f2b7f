// KServe V2 / Open Inference Protocol conformance of the serving process: every route, its body
// shape, datatypes and shapes, the `id` echo, and every error answered as {"error": "..."}.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../server/db/test-db';
import { addKey, createEndpoint, deploy, fraudModel, registerModel } from '../../server/serving/test-kit';
import { startServing, stopServing, type ServingHandle } from './helpers/serving-process';

let serving: ServingHandle;
let opened: TestDb;
let key: string;
let openKey: string;
let feedbackOnly: string;
let versions: number[];

const rows = {
  inputs: [
    { name: 'amount', shape: [2], datatype: 'FP64', data: [120, null] },
    { name: 'city', shape: [2], datatype: 'BYTES', data: ['Paris', 'Nice'] },
    { name: 'member', shape: [2, 1], datatype: 'BOOL', data: [[true], [false]] },
  ],
};

beforeAll(async () => {
  // The test file's database (SQLite here, or Postgres in the Postgres pass, which the serving process inherits).
  opened = openTestDb();
  const { anyDb: db, dir: dataDir } = opened;
  const v1 = await registerModel(db, dataDir, fraudModel(0));
  const v2 = await registerModel(db, dataDir, fraudModel(3));
  versions = [v1.version, v2.version];
  const endpoint = await createEndpoint(db, 'fraud', v1.modelId);
  await deploy(db, endpoint, v1.versionId);
  await deploy(db, endpoint, v2.versionId, 'canary', 1);
  key = (await addKey(db, endpoint)).key;
  // The same versions behind an endpoint that accepts unseen categories (the default refuses them).
  const open = await createEndpoint(db, 'fraud-open', v1.modelId, { unseenCategories: 'accept' });
  await deploy(db, open, v1.versionId);
  await deploy(db, open, v2.versionId, 'canary', 1);
  openKey = (await addKey(db, open)).key;
  feedbackOnly = (await addKey(db, endpoint, ['feedback'])).key;
  serving = await startServing({ dataDir });
});

afterAll(async () => {
  if (serving) await stopServing(serving);
  opened?.cleanup();
});

const call = (path: string, init: RequestInit & { key?: string | null } = {}) =>
  fetch(`${serving.url}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.key === null ? {} : { authorization: `Bearer ${init.key ?? key}` }), ...(init.headers as Record<string, string>) },
  });

async function expectError(res: Response, status: number, fragment: RegExp): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/json');
  const body = (await res.json()) as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error).toMatch(fragment);
}

describe('health and server metadata', () => {
  it('answers live, ready and server metadata without a key', async () => {
    expect(await (await call('/v2/health/live', { key: null })).json()).toEqual({ live: true });
    const ready = await call('/v2/health/ready', { key: null });
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });
    expect(await (await call('/v2', { key: null })).json()).toMatchObject({ name: 'pipeworks-serving', extensions: [] });
  });
});

describe('model metadata and readiness', () => {
  it('describes the model: inputs as one tensor per column, outputs, deployed versions', async () => {
    const body = await (await call('/v2/models/fraud')).json();
    expect(body).toEqual({
      name: 'fraud',
      versions: versions.map(String),
      platform: 'pipeworks_logistic',
      inputs: [
        { name: 'amount', datatype: 'FP64', shape: [-1] },
        { name: 'city', datatype: 'BYTES', shape: [-1] },
        { name: 'member', datatype: 'BOOL', shape: [-1] },
      ],
      outputs: [
        { name: 'predict', datatype: 'BYTES', shape: [-1] },
        { name: 'predict_proba', datatype: 'FP64', shape: [-1, 2] },
        { name: 'prediction_id', datatype: 'BYTES', shape: [-1] },
      ],
      parameters: { model: 'fraud', task: 'binary', labels: '["no","yes"]', scorer: expect.stringMatching(/^(pipeworks|pipeworks-direct|onnxruntime)$/) },
    });
    expect((await call(`/v2/models/fraud/versions/${versions[1]}`)).status).toBe(200);
  });

  it('says ready for the model and for each deployed version', async () => {
    expect(await (await call('/v2/models/fraud/ready')).json()).toEqual({ name: 'fraud', ready: true });
    expect(await (await call(`/v2/models/fraud/versions/${versions[0]}/ready`)).json()).toEqual({ name: 'fraud', ready: true });
  });

  it('answers unknown models and versions with 404 in the error shape', async () => {
    await expectError(await call('/v2/models/nope'), 404, /No endpoint named "nope"/);
    await expectError(await call('/v2/models/fraud/versions/99'), 404, /Version 99 is not deployed on endpoint "fraud"; deployed: 1 \(primary\), 2 \(canary\)/);
    await expectError(await call('/v2/models/fraud/versions/abc/ready'), 404, /not a model version/);
  });
});

describe('inference', () => {
  it('refuses an unseen category by default, naming column, row, value and the known ones', async () => {
    const res = await call(`/v2/models/fraud/versions/${versions[0]}/infer`, { method: 'POST', body: JSON.stringify(rows) });
    await expectError(res, 400, /Column "city", row 1: unknown category "Nice"; the model knows "Lyon", "Paris"\. The endpoint's "unseen categories" setting/);
    const typo = { inputs: [rows.inputs[0], { ...rows.inputs[1], data: ['Paris', 'lyon'] }, rows.inputs[2]] };
    await expectError(await call('/v2/models/fraud/infer', { method: 'POST', body: JSON.stringify(typo) }), 400, /Column "city", row 1: unknown category "lyon" \(did you mean "Lyon"\?\)/);
  });

  it('scores raw rows: labels as BYTES, probabilities FP64 [N, 2], the id echoed, prediction ids', async () => {
    const res = await call(`/v2/models/fraud-open/versions/${versions[0]}/infer`, { method: 'POST', body: JSON.stringify({ id: 'req-7', ...rows }), key: openKey });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ model_name: 'fraud-open', model_version: String(versions[0]), id: 'req-7' });
    expect(body.parameters).toMatchObject({ role: 'primary', logged: true, unseen_categories: 'row 1 city="Nice"' });
    const [predict, proba, ids] = body.outputs;
    expect(predict).toEqual({ name: 'predict', datatype: 'BYTES', shape: [2], data: ['no', 'yes'] });
    expect(proba).toMatchObject({ name: 'predict_proba', datatype: 'FP64', shape: [2, 2], parameters: { labels: '["no","yes"]' } });
    // Row 2: amount missing → the training fill 100 → 0; Nice unseen → the unseen bucket (+1); member false (+0.3).
    expect(proba.data[3]).toBeCloseTo(1 / (1 + Math.exp(-1.3)), 12);
    expect(proba.data[0] + proba.data[1]).toBeCloseTo(1, 12);
    expect(ids).toMatchObject({ name: 'prediction_id', datatype: 'BYTES', shape: [2] });
  });

  it('answers only the outputs asked for, and the versioned route scores that version', async () => {
    const res = await call(`/v2/models/fraud-open/versions/${versions[1]}/infer`, { method: 'POST', body: JSON.stringify({ ...rows, outputs: [{ name: 'predict' }] }), key: openKey });
    const body = await res.json();
    expect(body.model_version).toBe(String(versions[1]));
    expect(body.outputs.map((o: { name: string }) => o.name)).toEqual(['predict']);
    expect(body.outputs[0].data).toEqual(['yes', 'yes']);
    expect(body).not.toHaveProperty('id');
  });

  it('accepts FP32 and integer tensors for a numeric column, and integers for a category', async () => {
    const body = {
      inputs: [
        { name: 'amount', shape: [1], datatype: 'INT64', data: [100] },
        { name: 'city', shape: [1], datatype: 'BYTES', data: ['Lyon'] },
        { name: 'member', shape: [1], datatype: 'BOOL', data: [false] },
      ],
    };
    expect((await call('/v2/models/fraud/infer', { method: 'POST', body: JSON.stringify(body) })).status).toBe(200);
    body.inputs[0].datatype = 'FP32';
    expect((await call('/v2/models/fraud/infer', { method: 'POST', body: JSON.stringify(body) })).status).toBe(200);
  });

  const bad: [string, unknown, RegExp][] = [
    ['a body that is not JSON', '{"inputs": [', /not valid JSON/],
    ['NaN, which JSON cannot carry', '{"inputs":[{"name":"amount","shape":[1],"datatype":"FP64","data":[NaN]},{"name":"city","shape":[1],"datatype":"BYTES","data":["Lyon"]},{"name":"member","shape":[1],"datatype":"BOOL","data":[true]}]}', /Input "amount", row 0: NaN and infinite values are not allowed/],
    ['no inputs', { inputs: [] }, /"inputs" must be a non-empty array/],
    ['a missing column', { inputs: rows.inputs.slice(0, 2) }, /Missing column "member"/],
    ['an unknown column', { inputs: [...rows.inputs, { name: 'amonut', shape: [2], datatype: 'FP64', data: [1, 2] }] }, /Unknown column "amonut" \(did you mean "amount"\?\)/],
    ['a wrong datatype', { inputs: [{ ...rows.inputs[0], datatype: 'BYTES', data: ['1', '2'] }, rows.inputs[1], rows.inputs[2]] }, /Input "amount": datatype BYTES does not fit this numeric column/],
    ['an element of the wrong type', { inputs: [{ ...rows.inputs[0], data: [1, 'x'] }, rows.inputs[1], rows.inputs[2]] }, /Input "amount", row 1: datatype FP64 needs a number, got "x"/],
    ['a shape that does not match the data', { inputs: [{ ...rows.inputs[0], shape: [3] }, rows.inputs[1], rows.inputs[2]] }, /Input "amount": shape says 3 elements, data has 2/],
    ['a shape of more than one column', { inputs: [{ ...rows.inputs[0], shape: [1, 2] }, rows.inputs[1], rows.inputs[2]] }, /Input "amount": shape must be \[N\] or \[N, 1\]/],
    ['inputs of different lengths', { inputs: [{ ...rows.inputs[0], shape: [1], data: [1] }, rows.inputs[1], rows.inputs[2]] }, /Input "city" has 2 rows/],
    ['an unknown datatype', { inputs: [{ ...rows.inputs[0], datatype: 'FLOAT' }] }, /datatype must be one of BOOL/],
    ['a non-boolean for a boolean column', { inputs: [rows.inputs[0], rows.inputs[1], { ...rows.inputs[2], datatype: 'BOOL', data: [[true], ['maybe']] }] }, /Input "member", row 1: datatype BOOL needs a boolean/],
    ['an unknown output', { ...rows, outputs: [{ name: 'scores' }] }, /Unknown output "scores"/],
    ['an id that is not a string', { ...rows, id: 7 }, /"id" must be a string/],
  ];
  it.each(bad)('refuses %s with a 400 naming the field', async (_name, body, message) => {
    const res = await call('/v2/models/fraud/infer', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
    await expectError(res, 400, message);
  });

  it('refuses a missing, unknown or wrongly scoped key', async () => {
    await expectError(await call('/v2/models/fraud/infer', { method: 'POST', body: JSON.stringify(rows), key: null }), 401, /needs a key/);
    await expectError(await call('/v2/models/fraud/infer', { method: 'POST', body: JSON.stringify(rows), key: 'pw_ep_nope' }), 401, /not a key of endpoint "fraud"/);
    await expectError(await call('/v2/models/fraud/infer', { method: 'POST', body: JSON.stringify(rows), key: feedbackOnly }), 403, /may not call the model/);
  });

  it('answers a wrong method with 405 and an unknown path with 404, in the error shape', async () => {
    await expectError(await call('/v2/models/fraud/infer'), 405, /GET is not allowed here; use POST/);
    await expectError(await call('/v2/nowhere'), 404, /No route GET \/v2\/nowhere/);
  });
});
