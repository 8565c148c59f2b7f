// MLflow-style /invocations in every input format, feedback, and the limits: body size, per-key
// rate limit, and a revoked key refused on the very next request.
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDbIn } from '../../server/db/test-db';
import { addKey, createEndpoint, deploy, fraudModel, registerModel, revokeKey } from '../../server/serving/test-kit';
import { loggedPrediction } from './helpers/prediction-log';
import { newDataDir } from './helpers/server-process';
import { startServing, stopServing, type ServingHandle } from './helpers/serving-process';

let serving: ServingHandle;
let opened: ReturnType<typeof openTestDbIn>;
let endpointId: string;
let key: string;
let openKey: string;

beforeAll(async () => {
  const dataDir = newDataDir();
  // The serving process's database: the SQLite file in dataDir, or the test file's Postgres database.
  opened = openTestDbIn(dataDir);
  const db = opened.anyDb;
  const v1 = await registerModel(db, dataDir, fraudModel(0));
  endpointId = await createEndpoint(db, 'fraud', v1.modelId, { maxBodyBytes: 4096 });
  await deploy(db, endpointId, v1.versionId);
  key = (await addKey(db, endpointId)).key;
  const open = await createEndpoint(db, 'fraud-open', v1.modelId, { unseenCategories: 'accept' });
  await deploy(db, open, v1.versionId);
  openKey = (await addKey(db, open)).key;
  serving = await startServing({ dataDir });
});

afterAll(async () => {
  if (serving) await stopServing(serving);
  opened?.close();
});

const post = (path: string, body: unknown, k: string | null = key, type = 'application/json') =>
  fetch(`${serving.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': type, ...(k ? { authorization: `Bearer ${k}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const expected = { predictions: ['yes', 'no'] };
const rows = [
  { amount: 250, city: 'Lyon', member: false },
  { amount: 20, city: 'Paris', member: true },
];

describe('/invocations', () => {
  const formats: [string, unknown][] = [
    ['dataframe_split', { dataframe_split: { columns: ['amount', 'city', 'member'], data: rows.map((r) => [r.amount, r.city, r.member]) } }],
    ['dataframe_records', { dataframe_records: rows }],
    ['instances (records)', { instances: rows }],
    ['instances (positional rows)', { instances: rows.map((r) => [r.amount, r.city, r.member]) }],
    ['inputs (columns)', { inputs: { amount: [250, 20], city: ['Lyon', 'Paris'], member: [false, true] } }],
  ];
  it.each(formats)('scores %s the same way', async (_name, body) => {
    const res = await post('/endpoints/fraud/invocations', body);
    expect(res.status).toBe(200);
    const answer = await res.json();
    expect(answer).toMatchObject(expected);
    expect(answer.probabilities[0].yes).toBeCloseTo(1 / (1 + Math.exp(-(6 + 0.5 + 0.3))), 12);
    expect(answer.prediction_ids).toHaveLength(2);
  });

  it('finds the endpoint from the key on POST /invocations', async () => {
    const res = await post('/invocations', { dataframe_records: rows });
    expect(await res.json()).toMatchObject(expected);
    const anonymous = await post('/invocations', { dataframe_records: rows }, null);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error_code: 'UNAUTHENTICATED' });
  });

  const bad: [string, unknown, RegExp][] = [
    ['two formats', { instances: rows, inputs: rows }, /exactly one of the fields/],
    ['no format', { rows }, /exactly one of the fields .* it has "rows"/],
    ['a record that is not an object', { dataframe_records: [1] }, /dataframe_records\[0\] must be an object/],
    ['a row of the wrong width', { dataframe_split: { columns: ['amount', 'city', 'member'], data: [[1, 'Lyon']] } }, /dataframe_split.data\[0\] has 2 values; expected 3/],
    ['a wrong type', { dataframe_records: [{ ...rows[0] }, { ...rows[1], amount: 'lots' }] }, /Column "amount", row 1: expected a number, got "lots"/],
    ['a missing column', { dataframe_records: [{ amount: 1, city: 'Lyon' }] }, /Missing column "member"/],
    ['an unknown column', { dataframe_records: [{ ...rows[0], ciyt: 'x' }] }, /Unknown column "ciyt" \(did you mean "city"\?\)/],
    ['an unseen category', { dataframe_records: [rows[0], { ...rows[1], city: 'Pari' }] }, /Column "city", row 1: unknown category "Pari" \(did you mean "Paris"\?\); the model knows "Lyon", "Paris"/],
    ['an unseen category with nothing close', { dataframe_split: { columns: ['amount', 'city', 'member'], data: [[1, 'Marseille', true]] } }, /Column "city", row 0: unknown category "Marseille"; the model knows "Lyon", "Paris"/],
  ];
  it.each(bad)('refuses %s with BAD_REQUEST naming the field', async (_name, body, message) => {
    const res = await post('/endpoints/fraud/invocations', body);
    expect(res.status).toBe(400);
    const answer = await res.json();
    expect(Object.keys(answer).sort()).toEqual(['error_code', 'message']);
    expect(answer.error_code).toBe('BAD_REQUEST');
    expect(answer.message).toMatch(message);
  });

  it('reads a key absent from one record as a missing value, which the model imputes (as pandas reads it)', async () => {
    const res = await post('/endpoints/fraud/invocations', { dataframe_records: [rows[0], { city: 'Lyon', member: false }] });
    const answer = await res.json();
    // amount missing → the training fill 100 → 0 after scaling.
    expect(answer.probabilities[1].yes).toBeCloseTo(1 / (1 + Math.exp(-(0.5 + 0.3))), 12);
  });

  it('scores an unseen category in its bucket and lists it, on an endpoint set to accept them', async () => {
    const res = await post('/endpoints/fraud-open/invocations', { dataframe_records: [rows[0], { ...rows[1], city: 'Nice' }] }, openKey);
    expect(res.status).toBe(200);
    const answer = await res.json();
    expect(answer.unseen_categories).toEqual([{ row: 1, column: 'city', value: 'Nice' }]);
    // amount 20 → −1.6 (weight 2); Nice → the unseen bucket (+1); member true (−0.3).
    expect(answer.probabilities[1].yes).toBeCloseTo(1 / (1 + Math.exp(-(2 * -1.6 + 1 - 0.3))), 12);
  });

  it('ignores the target and left-out id columns of a raw row as ingested', async () => {
    const res = await post('/endpoints/fraud/invocations', { dataframe_records: rows.map((r, i) => ({ ...r, fraud: 'no', transaction_id: i })) });
    expect(await res.json()).toMatchObject(expected);
  });

  it('refuses a body over the endpoint limit with 413', async () => {
    const res = await post('/endpoints/fraud/invocations', { dataframe_records: Array.from({ length: 200 }, () => rows[0]) });
    expect(res.status).toBe(413);
    expect((await res.json()).message).toMatch(/at most 4096 bytes/);
  });
});

describe('feedback', () => {
  it('stores labels by prediction id, as JSON or CSV, and reports unknown ids by row', async () => {
    const { prediction_ids: ids } = await (await post('/endpoints/fraud/invocations', { dataframe_records: rows })).json();
    const json = await post('/endpoints/fraud/feedback', [{ prediction_id: ids[0], label: 'yes' }, { prediction_id: 'nope', label: 'no' }]);
    expect(await json.json()).toEqual({ stored: 1, unknown: [{ row: 1, prediction_id: 'nope', error: expect.stringMatching(/no logged prediction/) }] });
    const csv = await post('/endpoints/fraud/feedback', `prediction_id,label\n${ids[1]},no\n${ids[0]},no\n`, key, 'text/csv');
    expect(await csv.json()).toEqual({ stored: 2, unknown: [] });
    const f = opened.anyDb.t.predictionFeedback;
    const stored = await opened.anyDb.select({ id: f.predictionId, label: f.label }).from(f).orderBy(asc(f.predictionId));
    expect(stored).toEqual([...ids].sort().map((id: string) => ({ id, label: 'no' })));
    const bad = await post('/endpoints/fraud/feedback', 'id,label\nx,y', key, 'text/csv');
    expect(bad.status).toBe(400);
  });

  it('writes the prediction log in batches with inputs, outputs, version and latency', async () => {
    const { prediction_ids: ids } = await (await post('/endpoints/fraud/invocations', { dataframe_records: rows })).json();
    const entry = await loggedPrediction(opened.anyDb, ids[1]);
    expect(entry).toMatchObject({ role: 'primary', endpointId });
    expect(entry.inputs).toEqual(rows[1]);
    expect(entry.outputs).toMatchObject({ prediction: 'no' });
    expect(entry.latencyMs).toBeGreaterThan(0);
  });
});

describe('keys and limits', () => {
  it('refuses a revoked key on the very next request', async () => {
    const fresh = await addKey(opened.anyDb, endpointId);
    expect((await post('/endpoints/fraud/invocations', { dataframe_records: rows }, fresh.key)).status).toBe(200);
    await revokeKey(opened.anyDb, endpointId, fresh.id);
    const res = await post('/endpoints/fraud/invocations', { dataframe_records: rows }, fresh.key);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error_code: 'UNAUTHENTICATED', message: 'The key was revoked' });
  });

  it('rate-limits per key with 429 and Retry-After', async () => {
    const slow = await addKey(opened.anyDb, endpointId, ['infer'], 60);
    expect((await post('/endpoints/fraud/invocations', { dataframe_records: rows }, slow.key)).status).toBe(200);
    const res = await post('/endpoints/fraud/invocations', { dataframe_records: rows }, slow.key);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect((await res.json()).error_code).toBe('REQUEST_LIMIT_EXCEEDED');
  });
});
