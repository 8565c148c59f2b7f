// Following the studio under load: a rollout and a rollback while clients keep calling drop no
// request, the new version answers once loaded, and an undeploy answers 404 at once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDbIn } from '../../server/db/test-db';
import { addKey, createEndpoint, deploy, fraudModel, registerModel, replacePrimary, undeploy } from '../../server/serving/test-kit';
import { newDataDir } from './helpers/server-process';
import { startServing, stopServing, type ServingHandle } from './helpers/serving-process';

let serving: ServingHandle;
let opened: ReturnType<typeof openTestDbIn>;
let endpointId: string;
let key: string;
let v1: { versionId: string; version: number };
let v2: { versionId: string; version: number };

beforeAll(async () => {
  const dataDir = newDataDir();
  // The serving process's database: the SQLite file in dataDir, or the test file's Postgres database.
  opened = openTestDbIn(dataDir);
  const db = opened.anyDb;
  const first = await registerModel(db, dataDir, fraudModel(0));
  v1 = first;
  v2 = await registerModel(db, dataDir, fraudModel(5));
  endpointId = await createEndpoint(db, 'fraud', first.modelId, { rateLimitPerMinute: 10_000_000 });
  await deploy(db, endpointId, v1.versionId);
  key = (await addKey(db, endpointId)).key;
  serving = await startServing({ dataDir });
});

afterAll(async () => {
  if (serving) await stopServing(serving);
  opened?.close();
});

const body = JSON.stringify({ dataframe_records: [{ amount: 120, city: 'Lyon', member: true }] });

async function callOnce(): Promise<{ status: number; version: string | null }> {
  const res = await fetch(`${serving.url}/endpoints/fraud/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body,
  });
  await res.arrayBuffer();
  return { status: res.status, version: res.headers.get('x-model-version') };
}

it('drops no request while the primary is replaced and rolled back under load', async () => {
  const results: { status: number; version: string | null; at: number }[] = [];
  let running = true;
  const clients = Array.from({ length: 6 }, async () => {
    while (running) results.push({ ...(await callOnce()), at: Date.now() });
  });
  await new Promise((r) => setTimeout(r, 400));
  const rolledOut = Date.now();
  await replacePrimary(opened.anyDb, endpointId, v2.versionId);
  await waitFor(() => results.some((r) => r.at > rolledOut && r.version === String(v2.version)));
  const rolledBack = Date.now();
  await replacePrimary(opened.anyDb, endpointId, v1.versionId);
  await waitFor(() => results.some((r) => r.at > rolledBack && r.version === String(v1.version)));
  await new Promise((r) => setTimeout(r, 300));
  running = false;
  await Promise.all(clients);

  expect(results.length).toBeGreaterThan(50);
  expect(results.filter((r) => r.status !== 200)).toEqual([]);
  const versions = results.map((r) => r.version);
  expect(versions).toContain(String(v2.version));
  // After the rollback is seen, only v1 answers again.
  const firstBack = results.findIndex((r) => r.at > rolledBack && r.version === String(v1.version));
  expect(results.slice(firstBack + 6).every((r) => r.version === String(v1.version))).toBe(true);
});

it('answers 404 on the request after an undeploy', async () => {
  expect((await callOnce()).status).toBe(200);
  await undeploy(opened.anyDb, endpointId);
  expect((await callOnce()).status).toBe(404);
});

async function waitFor(check: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
