// The studio's deployment stores on SQLite and on Postgres, with a serving process following them:
// an endpoint and its keys, a deploy, a canary promoted, two rollbacks down the stack of primaries,
// the history newest first (insertion order breaks ties of created_at), and an undeploy. Serving
// re-reads an endpoint whose revision moved on the next request: a revoked key and an undeploy
// answer at once; a new version answers once its model is loaded (the old one serves meanwhile).
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTempDir } from '../../server/db/test-db';
import { promoteDeployment, rollbackEndpoint, undeployEndpoint } from '../../server/deployments/changes';
import { deployVersion } from '../../server/deployments/deploy';
import { listEndpoints, readEndpoint } from '../../server/deployments/deployments-read';
import { createEndpointKey, listEndpointKeys, revokeEndpointKey } from '../../server/deployments/endpoint-keys';
import { createEndpoint, updateEndpointSettings } from '../../server/deployments/endpoints';
import { startServing, type ServingHandle } from '../../server/serving/serving-server';
import { fraudModel, registerModel } from '../../server/serving/test-kit';
import { describeEachDatabase } from './helpers/each-database';
import { PEOPLE, seedProjectsAndPeople } from './helpers/registry-seed';

describeEachDatabase('deployment stores', (under) => {
  let serving: ServingHandle;
  let versions: { modelId: string; versionId: string; version: number }[];
  let endpointId: string;
  let key: string;
  const actor = PEOPLE.analyst;
  const source = { userId: actor.id };

  beforeAll(async () => {
    const { db } = under;
    const dataDir = under.dialect === 'sqlite' ? under.location : makeTempDir('pw-deploy-pg-');
    await seedProjectsAndPeople(db);
    versions = [];
    for (const bias of [0, 3, 6]) versions.push(await registerModel(db, dataDir, fraudModel(bias)));
    serving = await startServing({ dataDir, databaseUrl: under.dialect === 'pg' ? under.location : undefined, host: '127.0.0.1', port: 0, maxInFlight: 100, maxLagMs: 10_000, log: () => {} });
  });
  afterAll(async () => {
    await serving?.close();
  });

  /** One request to the serving process: its status and the version that answered. */
  async function call(token = key): Promise<{ status: number; version: number | null }> {
    const res = await fetch(`${serving.url}/endpoints/fraud/invocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ dataframe_records: [{ amount: 120, city: 'Lyon', member: true }] }),
    });
    await res.arrayBuffer();
    const version = res.headers.get('x-model-version');
    return { status: res.status, version: version === null ? null : Number(version) };
  }

  /** Calls until `version` answers (its model loads in the background), then once more. */
  async function servedBy(version: number): Promise<void> {
    const deadline = Date.now() + 15_000;
    let last = await call();
    while (last.version !== version && last.status === 200 && Date.now() < deadline) last = await call();
    expect(last).toEqual({ status: 200, version });
    expect(await call()).toEqual({ status: 200, version });
  }

  const production = async () => {
    const { modelAliases } = under.db.t;
    const [row] = await under.db.select({ versionId: modelAliases.versionId }).from(modelAliases).where(and(eq(modelAliases.modelId, versions[0].modelId), eq(modelAliases.alias, 'production')));
    return row?.versionId ?? null;
  };

  it('creates an endpoint with a unique name, and keys that serving accepts until they are revoked', async () => {
    const { db } = under;
    const endpoint = await createEndpoint(db, { name: 'fraud', modelId: versions[0].modelId, description: ' scores card payments ', userId: actor.id });
    endpointId = endpoint.id;
    expect(endpoint).toMatchObject({ name: 'fraud', description: 'scores card payments', undeployedAt: null });
    await expect(createEndpoint(db, { name: 'fraud', modelId: versions[0].modelId, userId: actor.id })).rejects.toThrow(/already exists/);
    await expect(createEndpoint(db, { name: 'Not A Name', modelId: versions[0].modelId, userId: actor.id })).rejects.toThrow();
    expect(await updateEndpointSettings(db, endpointId, { rateLimitPerMinute: 1_000_000 }, actor.id)).toMatchObject({ rateLimitPerMinute: 1_000_000, revision: endpoint.revision + 1 });

    const first = await createEndpointKey(db, { endpointId, name: 'checkout', scopes: ['infer'], userId: actor.id });
    key = (await createEndpointKey(db, { endpointId, name: 'backoffice', scopes: ['infer', 'feedback'], userId: actor.id })).key;
    expect((await listEndpointKeys(db, endpointId)).map((k) => k.name).sort()).toEqual(['backoffice', 'checkout']);
    expect((await deployVersion(db, { endpointId, versionId: versions[0].versionId, mode: 'replace', source })).state).toBe('deployed');
    await servedBy(1);
    expect(await call(first.key)).toEqual({ status: 200, version: 1 });
    await revokeEndpointKey(db, endpointId, first.id, actor.id);
    expect((await call(first.key)).status).toBe(401);
    expect(await call()).toEqual({ status: 200, version: 1 });
    await expect(revokeEndpointKey(db, endpointId, first.id, actor.id)).rejects.toThrow(/no live key/);
    expect(await production()).toBe(versions[0].versionId);
  });

  it('splits traffic with a canary, then promotes it to answer every request', async () => {
    const { db } = under;
    expect(await deployVersion(db, { endpointId, versionId: versions[1].versionId, mode: 'canary', canaryPercent: 30, source })).toMatchObject({ state: 'deployed', role: 'canary', version: 2 });
    const [listed] = await listEndpoints(db, { modelId: versions[0].modelId });
    expect(listed.live.map((d) => [d.role, d.version, d.trafficPercent]).sort()).toEqual([
      ['canary', 2, 30],
      ['primary', 1, 70],
    ]);
    expect(await promoteDeployment(db, endpointId, 'canary', actor)).toMatchObject({ state: 'deployed', role: 'primary', version: 2 });
    await servedBy(2);
    expect(await production()).toBe(versions[1].versionId);
  });

  it('rolls back twice down the stack of primaries, and serving follows each step', async () => {
    const { db } = under;
    await deployVersion(db, { endpointId, versionId: versions[2].versionId, mode: 'replace', source });
    await servedBy(3);
    expect(await rollbackEndpoint(db, endpointId, actor)).toMatchObject({ from: 3, version: 2 });
    await servedBy(2);
    expect(await rollbackEndpoint(db, endpointId, actor)).toMatchObject({ from: 2, version: 1 });
    await servedBy(1);
    await expect(rollbackEndpoint(db, endpointId, actor)).rejects.toThrow(/no earlier primary/);
    expect(await production()).toBe(versions[0].versionId);
  });

  it('lists the history newest first, in the order the changes were made, also within one millisecond', async () => {
    const { deployments } = under.db.t;
    // Rows of one change share created_at; here every row does, so insertion order alone decides.
    await under.db.update(deployments).set({ createdAt: 1_765_000_000_000 }).where(eq(deployments.endpointId, endpointId));
    const detail = await readEndpoint(under.db, endpointId);
    expect(detail?.history.map((d) => [d.role, d.version, d.reason, d.retiredAt === null])).toEqual([
      ['primary', 1, 'rollback', true],
      ['primary', 2, 'rollback', false],
      ['primary', 3, 'deploy', false],
      ['primary', 2, 'promote', false],
      ['canary', 2, 'canary', false],
      ['primary', 1, 'deploy', false],
    ]);
    expect(detail?.history[0]).toMatchObject({ createdByName: 'Ana' });
    expect(detail?.live.map((d) => d.version)).toEqual([1]);
    expect(detail?.keys).toHaveLength(2);
  });

  it('undeploys: serving answers 404 on the next request, and a rollback is refused', async () => {
    const { db } = under;
    await undeployEndpoint(db, endpointId, actor);
    expect((await call()).status).toBe(404);
    await expect(rollbackEndpoint(db, endpointId, actor)).rejects.toThrow(/undeployed/);
    const { auditEvents } = db.t;
    const [last] = await db.select({ action: auditEvents.action }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(last.action).toBe('deployment.undeploy');
  });
});
