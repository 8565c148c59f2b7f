// The drift simulator against the real serving process: generator rows go out as V2 requests with
// an endpoint key, serving logs them, labels come back later through the feedback route, and a
// drift check on that log flags exactly what the scenario shifted.
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driftSettingsSchema } from '../../nodes/monitor/drift/drift-thresholds';
import type { CategoricalDrift } from '../../nodes/monitor/drift/drift-result';
import { openTestDbIn } from '../../server/db/test-db';
import { endpointDrift } from '../../server/monitoring/endpoint-drift';
import { driftRows } from '../../server/simulator/drift-rows';
import { driftScenarioSchema } from '../../server/simulator/drift-scenario';
import { simulate, simulationSchema } from '../../server/simulator/simulate';
import { simulateEndpoint } from '../../server/simulator/simulate-endpoint';
import { seedCardFraudEndpoint } from '../../server/simulator/test-kit';
import { waitForLogged } from './helpers/prediction-log';
import { newDataDir } from './helpers/server-process';
import { sqliteOnly } from './helpers/sqlite-only';
import { startServing, stopServing, type ServingHandle } from './helpers/serving-process';

let serving: ServingHandle;
let opened: ReturnType<typeof openTestDbIn>;
let endpoint: Awaited<ReturnType<typeof seedCardFraudEndpoint>>;

beforeAll(async () => {
  const dataDir = newDataDir();
  // The serving process's database: the SQLite file in dataDir, or the test file's Postgres database.
  opened = openTestDbIn(dataDir);
  // Accepts unseen categories, so the new merchant categories reach the log and count as drift.
  endpoint = await seedCardFraudEndpoint(opened.anyDb, dataDir, 'card-fraud', { unseenCategories: 'accept' });
  serving = await startServing({ dataDir });
}, 90_000);

afterAll(async () => {
  if (serving) await stopServing(serving);
  opened?.close();
});

const target = () => ({ url: serving.url, endpoint: 'card-fraud', key: endpoint.key });
const logged = (n: number) => waitForLogged(opened.anyDb, endpoint.endpointId, n);

const settings = { ...driftSettingsSchema.parse({}), predictionKey: 'prediction' };

describe('drift simulator on the serving process', () => {
  it('sends the seeded rows, and posts their labels after the delay', async () => {
    const run = simulationSchema.parse({ requests: 60, rowsPerRequest: 5, rate: 200, labelDelayMs: 300, scenario: { seed: 3 } });
    const result = await simulate(target(), run);
    expect(result).toMatchObject({ requests: 60, rows: 300, answered: 300, refused: 0, logged: 300, labels: { stored: 300, unknown: 0 } });
    const sent = driftRows(run.scenario, 300);
    expect(result.fraudRows).toBe(sent.filter((r) => r.label === '1').length);
    // The log holds exactly the generator's rows, in the order sent, and the labels match them.
    const { predictionLog: l, predictionFeedback: f } = opened.anyDb.t;
    const entries = await opened.anyDb
      .select({ inputs: l.inputs, label: f.label, createdAt: l.createdAt })
      .from(l)
      .innerJoin(f, eq(f.predictionId, l.id))
      .where(eq(l.endpointId, endpoint.endpointId));
    const keyOf = (v: Record<string, unknown>) => JSON.stringify([v.amount, v.merchant_category, v.hour, v.customer_age, v.country]);
    const byKey = new Map(entries.map((e) => [keyOf(e.inputs), e]));
    expect(byKey.size).toBe(300);
    const matched = sent.map((r) => byKey.get(keyOf(r.values)));
    expect(matched.map((m) => m?.label)).toEqual(sent.map((r) => r.label));
    const times = matched.map((m) => m!.createdAt);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const clean = await endpointDrift(opened.anyDb, endpoint.endpointId, { lastN: 300 }, settings, { dataDir: serving.dataDir });
    expect(clean.driftedFeatures).toEqual([]);
  }, 60_000);

  it('shifts amounts and brings new merchant categories that a drift check then flags', async () => {
    const scenario = driftScenarioSchema.parse({ seed: 4, amountScale: 2.5, newCategoryShare: 0.25 });
    const result = await simulate(target(), simulationSchema.parse({ requests: 30, rowsPerRequest: 10, rate: 200, labelDelayMs: null, scenario }));
    expect(result).toMatchObject({ answered: 300, refused: 0, labels: null });
    await logged(600); // with no labels to post, the log is written on serving's own batch timer
    const report = await endpointDrift(opened.anyDb, endpoint.endpointId, { lastN: 300 }, settings, { dataDir: serving.dataDir });
    expect(report.driftedFeatures).toEqual(expect.arrayContaining(['amount', 'merchant_category']));
    expect(report.driftedFeatures).not.toContain('customer_age');
    const category = report.features.find((f) => f.name === 'merchant_category') as CategoricalDrift;
    expect(category.unseen.map((u) => u.value).sort()).toEqual(['crypto_exchange', 'luxury_goods', 'money_transfer']);
  }, 60_000);

  it('counts refusals of an endpoint that refuses unseen categories, and stops on a bad key', async () => {
    const other = await seedCardFraudEndpoint(opened.anyDb, serving.dataDir, 'card-fraud-strict');
    await new Promise((r) => setTimeout(r, 1500)); // serving follows new endpoints from the database
    const run = simulationSchema.parse({ requests: 20, rate: 500, labelDelayMs: null, scenario: { newCategoryShare: 0.5 } });
    const result = await simulate({ url: serving.url, endpoint: 'card-fraud-strict', key: other.key }, run);
    expect(result.refused).toBeGreaterThan(3);
    expect(result.answered).toBe(20 - result.refused);
    expect(result.errors[0]).toMatchObject({ status: 400, message: expect.stringMatching(/merchant_category/) });
    await expect(simulate({ ...target(), key: 'pw_ep_wrong' }, run)).rejects.toThrow(/HTTP 401.*not a key of endpoint "card-fraud"/);
  }, 60_000);

  it('runs from the studio with a key of its own that is revoked afterwards, and audits the run', async () => {
    const { auditEvents, endpointKeys, users } = opened.anyDb.t;
    await opened.anyDb.insert(users).values({ id: 'u-sim', email: 'sim@example.com', name: 'sim', role: 'scientist', passwordHash: 'x', createdAt: 1 });
    const run = simulationSchema.parse({ requests: 10, rate: 100, labelDelayMs: 100, scenario: { drift: 1 } });
    const result = await simulateEndpoint(opened.anyDb, endpoint.endpointId, run, 'u-sim', serving.url);
    expect(result).toMatchObject({ answered: 10, labels: { stored: 10, unknown: 0 } });
    const keys = await opened.anyDb.select({ revoked: endpointKeys.revokedAt }).from(endpointKeys).where(eq(endpointKeys.name, 'drift simulator (temporary)'));
    expect(keys).toHaveLength(1);
    expect(keys[0].revoked).not.toBeNull();
    const audited = await opened.anyDb.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.userId, 'u-sim')).orderBy(asc(auditEvents.id));
    expect(audited.map((a) => a.action)).toEqual(['endpoint.key.create', 'monitoring.simulate', 'endpoint.key.revoke']);
    await expect(simulateEndpoint(opened.anyDb, endpoint.endpointId, simulationSchema.parse({ requests: 1000, rate: 5 }), 'u-sim', serving.url)).rejects.toThrow(/take 200 s/);
  }, 60_000);

  // SQLite has one writer at a time: a second connection holding the write lock makes serving's
  // feedback writes wait (busy_timeout) rather than fail. Postgres has no database-wide write lock,
  // so there is nothing to hold; the other tests here post labels on Postgres.
  it.skipIf(sqliteOnly('drift-simulator.test.ts holds the SQLite file write lock while labels are posted; Postgres has no such lock'))('posts labels while another connection writes to the database', async () => {
    const run = simulationSchema.parse({ requests: 5, rowsPerRequest: 4, rate: 100, labelDelayMs: 800, scenario: { seed: 21 } });
    // A writer that commits while the labels are in flight, as the studio's KPI consumer does.
    const hold = opened.sqlite.prepare('BEGIN IMMEDIATE');
    const running = simulate(target(), run);
    await new Promise((r) => setTimeout(r, 400));
    hold.run();
    opened.sqlite.prepare("UPDATE endpoints SET description = 'busy' WHERE id = ?").run(endpoint.endpointId);
    await new Promise((r) => setTimeout(r, 1200));
    opened.sqlite.prepare('COMMIT').run();
    expect(await running).toMatchObject({ answered: 20, labels: { stored: 20, unknown: 0 } });
  }, 60_000);
});
