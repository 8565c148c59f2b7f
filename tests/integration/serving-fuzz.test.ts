// Property: whatever body reaches an inference route — random JSON, valid requests with one part
// broken, bytes that are not JSON — the serving process answers 200 or a 4xx in the protocol's
// error shape with a message, never a 500, and stays up.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDbIn } from '../../server/db/test-db';
import { addKey, createEndpoint, deploy, fraudModel, registerModel } from '../../server/serving/test-kit';
import { newDataDir } from './helpers/server-process';
import { startServing, stopServing, type ServingHandle } from './helpers/serving-process';

/** At least 1,000 per protocol in npm test; PIPEWORKS_FUZZ_RUNS sets another count. */
const RUNS = Number(process.env.PIPEWORKS_FUZZ_RUNS ?? 1_000);

let serving: ServingHandle;
let opened: ReturnType<typeof openTestDbIn>;
let key: string;

beforeAll(async () => {
  const dataDir = newDataDir();
  // The serving process's database: the SQLite file in dataDir, or the test file's Postgres database.
  opened = openTestDbIn(dataDir);
  const db = opened.anyDb;
  const v1 = await registerModel(db, dataDir, fraudModel(0));
  const endpoint = await createEndpoint(db, 'fraud', v1.modelId, { rateLimitPerMinute: 100_000_000, maxBodyBytes: 16_384, logSampleRate: 0.1 });
  await deploy(db, endpoint, v1.versionId);
  key = (await addKey(db, endpoint)).key;
  serving = await startServing({ dataDir });
});

afterAll(async () => {
  if (serving) await stopServing(serving);
  opened?.close();
});

const value = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('Lyon', 'Paris', 'NaN', 'true', '1e999', '', '2024-01-01'),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.object({ maxDepth: 1, maxKeys: 2 }),
);
const column = fc.constantFrom('amount', 'city', 'member', 'fraud', 'amonut', '', '__proto__', 'constructor');
const datatype = fc.constantFrom('FP64', 'FP32', 'INT64', 'BYTES', 'BOOL', 'UINT8', 'FP16', 'STRING', 7, null);
const shape = fc.oneof(fc.array(fc.integer({ min: -2, max: 4 }), { maxLength: 3 }), fc.constant('2'), fc.constant(null));

const v2Input = fc.record(
  { name: column, shape, datatype, data: fc.oneof(fc.array(value, { maxLength: 4 }), value), parameters: fc.oneof(fc.constant({}), value) },
  { requiredKeys: [] },
);
const v2Body = fc.oneof(
  fc.record({ id: fc.oneof(fc.string(), value), inputs: fc.array(v2Input, { maxLength: 4 }), outputs: fc.oneof(fc.array(fc.record({ name: fc.string() })), value) }, { requiredKeys: ['inputs'] }),
  fc.jsonValue(),
);

const record = fc.dictionary(column, value, { maxKeys: 5 });
const mlflowBody = fc.oneof(
  fc.record({ dataframe_split: fc.record({ columns: fc.oneof(fc.array(column, { maxLength: 4 }), value), data: fc.oneof(fc.array(fc.array(value, { maxLength: 4 }), { maxLength: 3 }), value) }, { requiredKeys: [] }) }),
  fc.record({ dataframe_records: fc.oneof(fc.array(record, { maxLength: 3 }), value) }),
  fc.record({ instances: fc.oneof(fc.array(fc.oneof(record, fc.array(value, { maxLength: 4 })), { maxLength: 3 }), value) }),
  fc.record({ inputs: fc.oneof(fc.dictionary(column, fc.array(value, { maxLength: 3 }), { maxKeys: 4 }), value) }),
  fc.record({ instances: fc.array(record), params: value }),
  fc.jsonValue(),
);

/** Raw text: valid JSON, JSON cut short, and odd bytes. */
const raw = (body: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 6, arbitrary: body.map((b) => JSON.stringify(b) ?? 'null') },
    { weight: 1, arbitrary: fc.tuple(body, fc.nat()).map(([b, n]) => (JSON.stringify(b) ?? '').slice(0, n)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
    { weight: 1, arbitrary: fc.constantFrom('NaN', '{"inputs": [NaN]}', '[', '\u0000', '{"inputs":[{"name":"amount","shape":[1],"datatype":"FP64","data":[-Infinity]}]}') },
  );

async function check(path: string, text: string, errorKeys: string[]): Promise<void> {
  const res = await fetch(`${serving.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: text,
  });
  const answer = (await res.json()) as Record<string, unknown>;
  if (res.status === 200) return;
  if (![400, 413].includes(res.status)) throw new Error(`${res.status} for ${text.slice(0, 300)}: ${JSON.stringify(answer)}`);
  expect(Object.keys(answer).sort()).toEqual(errorKeys);
  const message = String(answer.error ?? answer.message);
  expect(message.length).toBeGreaterThan(10);
  expect(message).not.toMatch(/internal|stack|at .*\.ts:/i);
}

it(`answers ${RUNS} fuzzed V2 bodies with 200 or a 4xx naming the problem`, async () => {
  await fc.assert(fc.asyncProperty(raw(v2Body), (text) => check('/v2/models/fraud/infer', text, ['error'])), { numRuns: RUNS });
});

it(`answers ${RUNS} fuzzed MLflow bodies with 200 or a 4xx naming the problem`, async () => {
  await fc.assert(fc.asyncProperty(raw(mlflowBody), (text) => check('/endpoints/fraud/invocations', text, ['error_code', 'message'])), { numRuns: RUNS });
});

it('is still up and scoring afterwards', async () => {
  expect((await fetch(`${serving.url}/v2/health/live`)).status).toBe(200);
  expect(serving.child.exitCode).toBeNull();
  expect(serving.output()).not.toMatch(/internal error/);
});
