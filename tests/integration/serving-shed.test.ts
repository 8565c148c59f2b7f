// Load shedding: with PIPEWORKS_SERVING_MAX_INFLIGHT=1, a second request while one is still being
// received is refused at once with 503 and Retry-After instead of waiting; health still answers.
import { request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../server/db/test-db';
import { addKey, createEndpoint, deploy, fraudModel, registerModel } from '../../server/serving/test-kit';
import { startServing, stopServing, type ServingHandle } from './helpers/serving-process';

let serving: ServingHandle;
let opened: TestDb;
let key: string;

beforeAll(async () => {
  // The test file's database (SQLite here, or Postgres in the Postgres pass, which the serving process inherits).
  opened = openTestDb();
  const { anyDb: db, dir: dataDir } = opened;
  const v1 = await registerModel(db, dataDir, fraudModel(0));
  const endpoint = await createEndpoint(db, 'fraud', v1.modelId);
  await deploy(db, endpoint, v1.versionId);
  key = (await addKey(db, endpoint)).key;
  serving = await startServing({ dataDir, env: { PIPEWORKS_SERVING_MAX_INFLIGHT: '1' } });
});

afterAll(async () => {
  if (serving) await stopServing(serving);
  opened?.cleanup();
});

const body = JSON.stringify({ dataframe_records: [{ amount: 120, city: 'Lyon', member: true }] });

it('sheds a request beyond the in-flight cap with 503 and Retry-After, and serves again after', async () => {
  // The first request sends its headers and half its body, then waits: it is in flight.
  const slow = request(`${serving.url}/endpoints/fraud/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${key}` },
  });
  const slowAnswer = new Promise<number>((resolve, reject) => {
    slow.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    slow.on('error', reject);
  });
  slow.write(body.slice(0, 10));
  await new Promise((r) => setTimeout(r, 300));

  const shed = await fetch(`${serving.url}/endpoints/fraud/invocations`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body });
  expect(shed.status).toBe(503);
  expect(shed.headers.get('retry-after')).toBe('1');
  expect(await shed.json()).toMatchObject({ error_code: 'TEMPORARILY_UNAVAILABLE', message: expect.stringMatching(/saturated \(1 requests are already being worked on\)/) });
  expect((await fetch(`${serving.url}/v2/health/live`)).status).toBe(200);

  slow.end(body.slice(10));
  expect(await slowAnswer).toBe(200);
  const after = await fetch(`${serving.url}/endpoints/fraud/invocations`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body });
  expect(after.status).toBe(200);
});
