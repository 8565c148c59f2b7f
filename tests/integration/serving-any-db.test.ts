// The serving process on both databases: a rollout and a rollback under load drop no request, a
// revoked key is refused on the very next request, an undeploy answers 404 at once, and the
// prediction log (rows and columnar blocks) and feedback are written alike. The server runs in
// this process here, on its own connection to the database the test writes through.
import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTempDir } from '../../server/db/test-db';
import { decodeBlock } from '../../server/serving/prediction-log-block.mjs';
import { startServing, type ServingHandle } from '../../server/serving/serving-server';
import { addKey, createEndpoint, deploy, fraudModel, registerModel, replacePrimary, revokeKey, undeploy } from '../../server/serving/test-kit';
import { describeEachDatabase } from './helpers/each-database';

describeEachDatabase('serving', (under) => {
  let serving: ServingHandle;
  let dataDir: string;
  const lines: string[] = [];
  let endpointId: string;
  let key: { id: string; key: string };
  let v1: { modelId: string; versionId: string; version: number };
  let v2: { modelId: string; versionId: string; version: number };

  beforeAll(async () => {
    const { db } = under;
    dataDir = under.dialect === 'sqlite' ? under.location : makeTempDir('pw-serving-pg-');
    v1 = await registerModel(db, dataDir, fraudModel(0));
    v2 = await registerModel(db, dataDir, fraudModel(5));
    endpointId = await createEndpoint(db, 'fraud', v1.modelId, { rateLimitPerMinute: 10_000_000 });
    await deploy(db, endpointId, v1.versionId);
    key = await addKey(db, endpointId);
    serving = await startServing({
      dataDir,
      databaseUrl: under.dialect === 'pg' ? under.location : undefined,
      host: '127.0.0.1',
      port: 0,
      maxInFlight: 1000,
      maxLagMs: 10_000,
      log: (line) => lines.push(line),
    });
  });
  afterAll(async () => {
    await serving?.close();
  });

  const body = JSON.stringify({ dataframe_records: [{ amount: 120, city: 'Lyon', member: true }] });

  async function callOnce(token = key.key): Promise<{ status: number; version: string | null; predictionId: string | null }> {
    const res = await fetch(`${serving.url}/endpoints/fraud/invocations`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
    const answer = (await res.json()) as { prediction_ids?: string[] };
    return { status: res.status, version: res.headers.get('x-model-version'), predictionId: answer.prediction_ids?.[0] ?? null };
  }

  it('drops no request while the primary is replaced and rolled back under load', async () => {
    const results: { status: number; version: string | null; at: number }[] = [];
    let running = true;
    const clients = Array.from({ length: 6 }, async () => {
      while (running) results.push({ ...(await callOnce()), at: Date.now() });
    });
    await new Promise((r) => setTimeout(r, 300));
    const rolledOut = Date.now();
    await replacePrimary(under.db, endpointId, v2.versionId);
    await waitFor(() => results.some((r) => r.at > rolledOut && r.version === String(v2.version)));
    const rolledBack = Date.now();
    await replacePrimary(under.db, endpointId, v1.versionId);
    await waitFor(() => results.some((r) => r.at > rolledBack && r.version === String(v1.version)));
    await new Promise((r) => setTimeout(r, 200));
    running = false;
    await Promise.all(clients);

    expect(results.length).toBeGreaterThan(50);
    expect(results.filter((r) => r.status !== 200)).toEqual([]);
    expect(results.map((r) => r.version)).toContain(String(v2.version));
    const firstBack = results.findIndex((r) => r.at > rolledBack && r.version === String(v1.version));
    expect(results.slice(firstBack + 6).every((r) => r.version === String(v1.version))).toBe(true);
  });

  it('logs predictions as rows and columnar blocks, and stores feedback by prediction id', async () => {
    const { db } = under;
    const answered = await callOnce();
    expect(answered.status).toBe(200);
    await serving.context.log.flush();
    expect(lines.filter((l) => l.includes('prediction log'))).toEqual([]);
    const { predictionLog: log, predictionLogBlocks: blocks, predictionFeedback: feedback } = db.t;
    // The log is written in batches: what a timer sent just before may still be on its way.
    const row = await waitForValue(async () => (await db.select().from(log).where(eq(log.id, answered.predictionId!)))[0]);
    expect(row).toMatchObject({ endpointId, versionId: v1.versionId, role: 'primary', keyId: key.id, inputs: { amount: 120, city: 'Lyon', member: true } });
    expect(row.outputs).toMatchObject({ prediction: expect.any(String), probabilities: { no: expect.any(Number), yes: expect.any(Number) } });
    expect(row.blockId).not.toBeNull();
    const [block] = await db.select().from(blocks).where(eq(blocks.id, row.blockId!));
    expect(block).toMatchObject({ endpointId, versionId: v1.versionId, stale: false });
    const decoded = decodeBlock(new Uint8Array(block.data));
    expect(decoded.n).toBe(block.rows);
    expect([...decoded.columns.keys()]).toEqual(['amount', 'city', 'member']);
    // A block lists its rows by their insertion order: SQLite's rowid, Postgres's seq (pg migration 0003).
    const rowKey = sql.raw(under.dialect === 'sqlite' ? 'rowid' : 'seq');
    const keyed = await db
      .select({ key: sql<number>`${rowKey}`.mapWith(Number), createdAt: log.createdAt })
      .from(log)
      .where(eq(log.blockId, block.id))
      .orderBy(asc(log.createdAt), asc(rowKey));
    expect([...decoded.rowids]).toEqual(keyed.map((k) => k.key));
    expect([...decoded.createdAt]).toEqual(keyed.map((k) => k.createdAt));
    const [logged] = await db.select({ n: count() }).from(log).where(and(eq(log.endpointId, endpointId), isNotNull(log.blockId)));
    expect(Number(logged.n)).toBeGreaterThan(50);

    const res = await fetch(`${serving.url}/endpoints/fraud/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key.key}` },
      body: JSON.stringify([
        { prediction_id: answered.predictionId, label: 'no' },
        { prediction_id: 'not-a-prediction', label: 'yes' },
        { prediction_id: answered.predictionId, label: '123' },
      ]),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ stored: 2, unknown: [{ row: 1, prediction_id: 'not-a-prediction', error: 'no logged prediction of this endpoint has this id' }] });
    // The later label wins; a string that looks like a number stays a string on both databases.
    const labels = await db.select({ label: feedback.label, keyId: feedback.keyId }).from(feedback).where(eq(feedback.predictionId, answered.predictionId!));
    expect(labels).toEqual([{ label: '123', keyId: key.id }]);
  });

  it('refuses a revoked key on the very next request', async () => {
    const fresh = await addKey(under.db, endpointId);
    expect((await callOnce(fresh.key)).status).toBe(200);
    await revokeKey(under.db, endpointId, fresh.id);
    expect((await callOnce(fresh.key)).status).toBe(401);
    expect((await callOnce()).status).toBe(200);
  });

  it('answers 404 on the request after an undeploy', async () => {
    expect((await callOnce()).status).toBe(200);
    await undeploy(under.db, endpointId);
    expect((await callOnce()).status).toBe(404);
  });
});

async function waitFor(check: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function waitForValue<T>(read: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
