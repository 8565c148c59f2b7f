// Drift on real traffic: the real serving process (issue 13) answers and logs requests, and the
// drift check reads that log against the version's stored reference statistics. Traffic like
// training passes; shifted amounts and a new city are flagged, with the model's answers drifting too.
import { and, count, eq, sum } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driftSettingsSchema } from '../../nodes/monitor/drift/drift-thresholds';
import { referenceProfile } from '../../nodes/monitor/drift/reference-profile';
import type { CategoricalDrift, NumericDrift } from '../../nodes/monitor/drift/drift-result';
import { openTestDbIn } from '../../server/db/test-db';
import { endpointDrift } from '../../server/monitoring/endpoint-drift';
import { addKey, createEndpoint, deploy, fraudModel, registerModel } from '../../server/serving/test-kit';
import { waitForLogged } from './helpers/prediction-log';
import { newDataDir } from './helpers/server-process';
import { startServing, stopServing, type ServingHandle } from './helpers/serving-process';

const PORT = 4512;
let serving: ServingHandle;
let opened: ReturnType<typeof openTestDbIn>;
let endpointId: string;
let key: string;

/** Deterministic traffic: amounts spread over 20–180, cities alternating, membership every third. */
function rows(n: number, drift: boolean) {
  return Array.from({ length: n }, (_, i) => ({
    amount: 20 + ((i * 0.618034) % 1) * 160 + (drift ? 150 : 0),
    city: drift && i % 3 === 0 ? 'Marseille' : i % 2 ? 'Lyon' : 'Paris',
    member: i % 3 === 0,
  }));
}

beforeAll(async () => {
  const dataDir = newDataDir();
  // The serving process's database: the SQLite file in dataDir, or the test file's Postgres database.
  opened = openTestDbIn(dataDir);
  const db = opened.anyDb;
  const training = rows(2000, false);
  // The training labels as the model answers them (score > 0 ⇔ amount above about 100).
  const label = (r: (typeof training)[number]) => (2 * ((r.amount - 100) / 50) + (r.city === 'Lyon' ? 0.5 : -0.5) + (r.member ? -0.3 : 0.3) > 0 ? 'yes' : 'no');
  const profile = referenceProfile(
    [
      { name: 'amount', type: 'numeric', values: training.map((r) => r.amount) },
      { name: 'city', type: 'categorical', values: training.map((r) => r.city) },
      { name: 'member', type: 'boolean', values: training.map((r) => r.member) },
    ],
    { name: 'fraud', type: 'categorical', values: training.map(label) },
    training.length,
  );
  const v1 = await registerModel(db, dataDir, fraudModel(0), 'fraud', undefined, { reference: { dataArtifactId: 'c'.repeat(64), profile } });
  // Accepts unseen categories: the new city must reach the log to be flagged as drift.
  endpointId = await createEndpoint(db, 'fraud-drift', v1.modelId, { unseenCategories: 'accept' });
  await deploy(db, endpointId, v1.versionId);
  key = (await addKey(db, endpointId)).key;
  serving = await startServing({ dataDir, port: PORT });
}, 90_000);

afterAll(async () => {
  if (serving) await stopServing(serving);
  opened?.close();
});

async function send(records: ReturnType<typeof rows>): Promise<void> {
  const res = await fetch(`${serving.url}/endpoints/fraud-drift/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ dataframe_records: records }),
  });
  expect(res.status).toBe(200);
}

const logged = (rows: number) => waitForLogged(opened.anyDb, endpointId, rows);

const settings = { ...driftSettingsSchema.parse({}), predictionKey: 'prediction' };

describe('drift on served traffic', () => {
  it('passes traffic that looks like training', async () => {
    for (let i = 0; i < 3; i++) await send(rows(100, false));
    await logged(300);
    const report = await endpointDrift(opened.anyDb, endpointId, { lastN: 300 }, settings, { dataDir: serving.dataDir });
    expect(report.rows).toBe(300);
    // Served traffic is logged with its columnar blocks, which the check reads instead of the rows.
    const b = opened.anyDb.t.predictionLogBlocks;
    const [blocks] = await opened.anyDb
      .select({ n: count(), r: sum(b.rows) })
      .from(b)
      .where(and(eq(b.endpointId, endpointId), eq(b.stale, false)));
    expect(Number(blocks.n)).toBeGreaterThan(0);
    expect(Number(blocks.r)).toBe(300);
    expect(report.driftedFeatures).toEqual([]);
    expect(report.prediction).toMatchObject({ kind: 'categorical', drifted: false });
  }, 60_000);

  it('flags shifted amounts, a new city and the answers that follow', async () => {
    for (let i = 0; i < 3; i++) await send(rows(100, true));
    await logged(600);
    const report = await endpointDrift(opened.anyDb, endpointId, { lastN: 300 }, settings, { dataDir: serving.dataDir });
    expect(report.driftedFeatures).toEqual(['amount', 'city']);
    const amount = report.features.find((f) => f.name === 'amount') as NumericDrift;
    expect(amount.wasserstein).toBeGreaterThan(100);
    const city = report.features.find((f) => f.name === 'city') as CategoricalDrift;
    expect(city.unseen).toEqual([{ value: 'Marseille', count: 102 }]);
    expect(report.prediction?.drifted).toBe(true);
    expect(report.features.find((f) => f.name === 'member')?.drifted).toBe(false);
  }, 60_000);
});
