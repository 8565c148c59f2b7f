import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { modelAliases } from '../db/schema';
import { openTestDb, type TestDb } from '../db/test-db';
import { deleteModelVersion } from '../storage/delete-model-version';
import { promoteDeployment, rollbackEndpoint, undeployEndpoint } from './changes';
import { deployVersion } from './deploy';
import { live, revision, seedDeployFixtures } from './test-kit';

let t: TestDb;
let f: ReturnType<typeof seedDeployFixtures>;
beforeEach(() => {
  t = openTestDb();
  f = seedDeployFixtures(t.db);
});
afterEach(() => t.cleanup());

const source = () => ({ userId: f.people.analyst.id });
const deploy = (i: number, mode: 'replace' | 'canary' | 'shadow' = 'replace', canaryPercent?: number) =>
  deployVersion(t.db, { endpointId: f.endpoint.id, versionId: f.versions[i].versionId, mode, canaryPercent, source: source() });
const production = () => t.db.select().from(modelAliases).where(and(eq(modelAliases.modelId, f.versions[0].modelId), eq(modelAliases.alias, 'production'))).get()?.versionId;

describe('rollout invariants', () => {
  it('keeps one primary; a replace retires the old one and moves production', () => {
    deploy(0);
    deploy(1);
    expect(live(t.db, f.endpoint.id)).toEqual([{ role: 'primary', versionId: f.versions[1].versionId, trafficPercent: 100, reason: 'deploy' }]);
    expect(production()).toBe(f.versions[1].versionId);
  });

  it('splits traffic with a canary, and a promote gives the canary all of it', () => {
    deploy(0);
    deploy(1, 'canary', 10);
    expect(live(t.db, f.endpoint.id).map((d) => [d.role, d.trafficPercent])).toEqual([['canary', 10], ['primary', 90]]);
    deploy(2, 'canary', 25);
    expect(live(t.db, f.endpoint.id).map((d) => [d.role, d.versionId, d.trafficPercent])).toEqual([['canary', f.versions[2].versionId, 25], ['primary', f.versions[0].versionId, 75]]);
    promoteDeployment(t.db, f.endpoint.id, 'canary', f.people.analyst);
    expect(live(t.db, f.endpoint.id)).toEqual([{ role: 'primary', versionId: f.versions[2].versionId, trafficPercent: 100, reason: 'promote' }]);
  });

  it('refuses a canary outside 1..99, without a primary, or of the primary itself', () => {
    expect(() => deploy(1, 'canary', 10)).toThrow(/no live primary/);
    deploy(0);
    expect(() => deploy(1, 'canary', 100)).toThrow(/1 to 99/);
    expect(() => deploy(1, 'canary', 0)).toThrow(/1 to 99/);
    expect(() => deploy(0, 'canary', 5)).toThrow(/already answers as the primary/);
  });

  it('adds a shadow that takes no traffic and keeps the primary whole', () => {
    deploy(0);
    deploy(1, 'shadow');
    expect(live(t.db, f.endpoint.id).map((d) => [d.role, d.trafficPercent])).toEqual([['primary', 100], ['shadow', 0]]);
  });

  it('bumps the revision on every change and not on a no-op', () => {
    const start = revision(t.db, f.endpoint.id);
    deploy(0);
    expect(revision(t.db, f.endpoint.id)).toBe(start + 1);
    expect(deploy(0).state).toBe('unchanged');
    expect(revision(t.db, f.endpoint.id)).toBe(start + 1);
    deploy(1);
    deploy(2, 'canary', 5);
    rollbackEndpoint(t.db, f.endpoint.id, f.people.analyst);
    // The canary keeps its share across a rollback of the primary.
    expect(live(t.db, f.endpoint.id).map((d) => [d.role, d.trafficPercent])).toEqual([['canary', 5], ['primary', 95]]);
    undeployEndpoint(t.db, f.endpoint.id, f.people.analyst);
    expect(revision(t.db, f.endpoint.id)).toBe(start + 5);
  });
});

describe('rollback', () => {
  it('walks back the chain of primaries one step per click, never back and forth', () => {
    deploy(0);
    deploy(1);
    deploy(2);
    expect(rollbackEndpoint(t.db, f.endpoint.id, f.people.analyst)).toMatchObject({ from: 3, version: 2 });
    expect(rollbackEndpoint(t.db, f.endpoint.id, f.people.analyst)).toMatchObject({ from: 2, version: 1 });
    expect(live(t.db, f.endpoint.id)).toEqual([{ role: 'primary', versionId: f.versions[0].versionId, trafficPercent: 100, reason: 'rollback' }]);
    expect(production()).toBe(f.versions[0].versionId);
    expect(() => rollbackEndpoint(t.db, f.endpoint.id, f.people.analyst)).toThrow(/no earlier primary/);
  });

  it('answers nothing after undeploy until a version is deployed again', () => {
    deploy(0);
    deploy(1);
    undeployEndpoint(t.db, f.endpoint.id, f.people.analyst);
    expect(live(t.db, f.endpoint.id)).toEqual([]);
    expect(() => rollbackEndpoint(t.db, f.endpoint.id, f.people.analyst)).toThrow(/undeployed/);
    deploy(1);
    expect(live(t.db, f.endpoint.id)).toHaveLength(1);
  });
});

describe('deleting a served version', () => {
  it('is refused while an endpoint serves it, and allowed once it is retired', async () => {
    deploy(0);
    deploy(1, 'shadow');
    // production follows the primary, so v1 holds an alias; v2 is only served as a shadow.
    await expect(deleteModelVersion(t.anyDb, { modelId: f.versions[1].modelId, version: 2, userId: null })).rejects.toThrow(/serves "fraud-scoring" as shadow; roll it back, replace it or undeploy first/);
    deploy(2, 'shadow');
    expect(await deleteModelVersion(t.anyDb, { modelId: f.versions[1].modelId, version: 2, userId: null })).toEqual({ modelId: f.versions[1].modelId, version: 2 });
  });
});
