// What the serving process reads about its endpoints answers alike on both databases: SQLite's
// prepared statements behind the change probe, Postgres's in-memory copy read once per turn. Each
// change (a deploy, a key revoked, an undeploy) is seen by the first look after its commit.
import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashToken } from '../../server/auth/tokens';
import { makeTempDir } from '../../server/db/test-db';
import { PgEndpointCatalog } from '../../server/serving/endpoint-catalog-pg';
import { SqliteEndpointCatalog, type EndpointCatalog } from '../../server/serving/endpoint-catalog';
import { addKey, createEndpoint, deploy, fraudModel, registerModel, replacePrimary, revokeKey, undeploy } from '../../server/serving/test-kit';
import { describeEachDatabase, type DatabaseUnderTest } from './helpers/each-database';

function openCatalog(under: DatabaseUnderTest): EndpointCatalog {
  if (under.dialect === 'pg') return new PgEndpointCatalog(under.db);
  // The SQLite catalog reads through the raw connection, as the serving process does.
  return new SqliteEndpointCatalog((under.db as unknown as { $client: Database.Database }).$client);
}

/** As a request does: wait for the catalog's read (Postgres), or for the next turn (SQLite's per-turn check). */
async function look(catalog: EndpointCatalog): Promise<void> {
  await (catalog.sync() ?? new Promise((resolve) => setImmediate(resolve)));
}

describeEachDatabase('serving catalog', (under) => {
  const dataDir = makeTempDir('pw-catalog-');
  let catalog: EndpointCatalog;
  let endpointId: string;
  let v1: { modelId: string; versionId: string; version: number };
  let v2: { versionId: string; version: number };
  let key: { id: string; key: string };

  beforeAll(async () => {
    const { db } = under;
    v1 = await registerModel(db, dataDir, fraudModel(0));
    v2 = await registerModel(db, dataDir, fraudModel(5));
    endpointId = await createEndpoint(db, 'fraud', v1.modelId, { rateLimitPerMinute: 1234 });
    await deploy(db, endpointId, v1.versionId);
    key = await addKey(db, endpointId, ['infer']);
    catalog = openCatalog(under);
  });
  afterAll(() => catalog?.close());

  it('reads an endpoint with its live deployments and keys', async () => {
    await look(catalog);
    const head = catalog.head('fraud');
    expect(head).toEqual({ id: endpointId, revision: 3, undeployedAt: null });
    expect(catalog.head('nope')).toBeUndefined();
    const snap = catalog.snapshot(endpointId)!;
    expect(snap.endpoint).toEqual({
      id: endpointId,
      name: 'fraud',
      revision: 3,
      undeployedAt: null,
      modelName: 'fraud',
      logSampleRate: 1,
      maxBodyBytes: 1_048_576,
      rateLimitPerMinute: 1234,
      unseenCategories: 'refuse',
    });
    expect(snap.deployments).toHaveLength(1);
    expect(snap.deployments[0]).toMatchObject({ role: 'primary', trafficPercent: 100, versionId: v1.versionId, version: v1.version, format: 'pipeworks/logistic' });
    // The signature as JSON text on both, as the SQLite column stores it.
    expect(JSON.parse(snap.deployments[0].signature)).toMatchObject({ target: 'fraud', task: 'binary', labels: ['no', 'yes'] });
    expect(snap.keys).toEqual([{ id: key.id, keyHash: hashToken(key.key), scopes: ['infer'], rateLimitPerMinute: null, revokedAt: null }]);
    expect(catalog.endpointNameForKey(hashToken(key.key))).toBe('fraud');
    expect(catalog.endpointNameForKey(hashToken('pw_ep_unknown'))).toBeNull();
    expect(catalog.liveEndpointNames()).toEqual(['fraud']);
  });

  it('sees a new primary, a revoked key and an undeploy at the first look after each commit', async () => {
    const { db } = under;
    await replacePrimary(db, endpointId, v2.versionId);
    await look(catalog);
    expect(catalog.head('fraud')?.revision).toBe(4);
    expect(catalog.snapshot(endpointId)!.deployments.map((d) => [d.role, d.versionId])).toEqual([['primary', v2.versionId]]);

    await revokeKey(db, endpointId, key.id);
    await look(catalog);
    expect(catalog.snapshot(endpointId)!.keys[0].revokedAt).toEqual(expect.any(Number));
    expect(catalog.endpointNameForKey(hashToken(key.key))).toBeNull();

    await undeploy(db, endpointId);
    await look(catalog);
    expect(catalog.head('fraud')?.undeployedAt).toEqual(expect.any(Number));
    expect(catalog.liveEndpointNames()).toEqual([]);
  });

  it('forgets an endpoint that was deleted', async () => {
    const { db } = under;
    await db.delete(db.t.endpoints).where(eq(db.t.endpoints.id, endpointId));
    await look(catalog);
    expect(catalog.head('fraud')).toBeUndefined();
    expect(catalog.snapshot(endpointId)).toBeNull();
  });
});
