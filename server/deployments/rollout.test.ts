import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { modelAliases } from '../db/schema';
import { openTestDb, type TestDb } from '../db/test-db';
import { deleteModelVersion } from '../storage/delete-model-version';
import { promoteDeployment, rollbackEndpoint, undeployEndpoint } from './changes';
import { deployVersion } from './deploy';
import { live, revision, seedDeployFixtures, type DeployFixtures } from './test-kit';

let t: TestDb;
let f: DeployFixtures;
beforeEach(async () => {
  t = openTestDb();
  f = await seedDeployFixtures(t.anyDb);
});
afterEach(() => t.cleanup());

const source = () => ({ userId: f.people.analyst.id });
const deploy = (i: number, mode: 'replace' | 'canary' | 'shadow' = 'replace', canaryPercent?: number) =>
  deployVersion(t.anyDb, { endpointId: f.endpoint.id, versionId: f.versions[i].versionId, mode, canaryPercent, source: source() });
const production = () => t.db.select().from(modelAliases).where(and(eq(modelAliases.modelId, f.versions[0].modelId), eq(modelAliases.alias, 'production'))).get()?.versionId;

describe('rollout invariants', () => {
  it('keeps one primary; a replace retires the old one and moves production', async () => {
    await deploy(0);
    await deploy(1);
    expect(await live(t.anyDb, f.endpoint.id)).toEqual([{ role: 'primary', versionId: f.versions[1].versionId, trafficPercent: 100, reason: 'deploy' }]);
    expect(production()).toBe(f.versions[1].versionId);
  });

  it('splits traffic with a canary, and a promote gives the canary all of it', async () => {
    await deploy(0);
    await deploy(1, 'canary', 10);
    expect((await live(t.anyDb, f.endpoint.id)).map((d) => [d.role, d.trafficPercent])).toEqual([['canary', 10], ['primary', 90]]);
    await deploy(2, 'canary', 25);
    expect((await live(t.anyDb, f.endpoint.id)).map((d) => [d.role, d.versionId, d.trafficPercent])).toEqual([['canary', f.versions[2].versionId, 25], ['primary', f.versions[0].versionId, 75]]);
    await promoteDeployment(t.anyDb, f.endpoint.id, 'canary', f.people.analyst);
    expect(await live(t.anyDb, f.endpoint.id)).toEqual([{ role: 'primary', versionId: f.versions[2].versionId, trafficPercent: 100, reason: 'promote' }]);
  });

  it('refuses a canary outside 1..99, without a primary, or of the primary itself', async () => {
    await expect(deploy(1, 'canary', 10)).rejects.toThrow(/no live primary/);
    await deploy(0);
    await expect(deploy(1, 'canary', 100)).rejects.toThrow(/1 to 99/);
    await expect(deploy(1, 'canary', 0)).rejects.toThrow(/1 to 99/);
    await expect(deploy(0, 'canary', 5)).rejects.toThrow(/already answers as the primary/);
  });

  it('adds a shadow that takes no traffic and keeps the primary whole', async () => {
    await deploy(0);
    await deploy(1, 'shadow');
    expect((await live(t.anyDb, f.endpoint.id)).map((d) => [d.role, d.trafficPercent])).toEqual([['primary', 100], ['shadow', 0]]);
  });

  it('bumps the revision on every change and not on a no-op', async () => {
    const start = await revision(t.anyDb, f.endpoint.id);
    await deploy(0);
    expect(await revision(t.anyDb, f.endpoint.id)).toBe(start + 1);
    expect((await deploy(0)).state).toBe('unchanged');
    expect(await revision(t.anyDb, f.endpoint.id)).toBe(start + 1);
    await deploy(1);
    await deploy(2, 'canary', 5);
    await rollbackEndpoint(t.anyDb, f.endpoint.id, f.people.analyst);
    // The canary keeps its share across a rollback of the primary.
    expect((await live(t.anyDb, f.endpoint.id)).map((d) => [d.role, d.trafficPercent])).toEqual([['canary', 5], ['primary', 95]]);
    await undeployEndpoint(t.anyDb, f.endpoint.id, f.people.analyst);
    expect(await revision(t.anyDb, f.endpoint.id)).toBe(start + 5);
  });
});

describe('rollback', () => {
  it('walks back the chain of primaries one step per click, never back and forth', async () => {
    await deploy(0);
    await deploy(1);
    await deploy(2);
    expect(await rollbackEndpoint(t.anyDb, f.endpoint.id, f.people.analyst)).toMatchObject({ from: 3, version: 2 });
    expect(await rollbackEndpoint(t.anyDb, f.endpoint.id, f.people.analyst)).toMatchObject({ from: 2, version: 1 });
    expect(await live(t.anyDb, f.endpoint.id)).toEqual([{ role: 'primary', versionId: f.versions[0].versionId, trafficPercent: 100, reason: 'rollback' }]);
    expect(production()).toBe(f.versions[0].versionId);
    await expect(rollbackEndpoint(t.anyDb, f.endpoint.id, f.people.analyst)).rejects.toThrow(/no earlier primary/);
  });

  it('answers nothing after undeploy until a version is deployed again', async () => {
    await deploy(0);
    await deploy(1);
    await undeployEndpoint(t.anyDb, f.endpoint.id, f.people.analyst);
    expect(await live(t.anyDb, f.endpoint.id)).toEqual([]);
    await expect(rollbackEndpoint(t.anyDb, f.endpoint.id, f.people.analyst)).rejects.toThrow(/undeployed/);
    await deploy(1);
    expect(await live(t.anyDb, f.endpoint.id)).toHaveLength(1);
  });
});

describe('deleting a served version', () => {
  it('is refused while an endpoint serves it, and allowed once it is retired', async () => {
    await deploy(0);
    await deploy(1, 'shadow');
    // production follows the primary, so v1 holds an alias; v2 is only served as a shadow.
    await expect(deleteModelVersion(t.anyDb, { modelId: f.versions[1].modelId, version: 2, userId: null })).rejects.toThrow(/serves "fraud-scoring" as shadow; roll it back, replace it or undeploy first/);
    await deploy(2, 'shadow');
    expect(await deleteModelVersion(t.anyDb, { modelId: f.versions[1].modelId, version: 2, userId: null })).toEqual({ modelId: f.versions[1].modelId, version: 2 });
  });
});
