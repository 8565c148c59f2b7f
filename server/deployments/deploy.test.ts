import { desc } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents } from '../db/schema';
import { openTestDb, type TestDb } from '../db/test-db';
import { writeRegistrySettings } from '../registry/registry-settings';
import { decideDeployRequest, promoteDeployment, rollbackEndpoint, withdrawDeployRequest } from './changes';
import { deployVersion } from './deploy';
import { live, revision, seedDeployFixtures, type DeployFixtures } from './test-kit';

let t: TestDb;
let f: DeployFixtures;
beforeEach(async () => {
  t = openTestDb();
  f = await seedDeployFixtures(t.anyDb);
});
afterEach(() => t.cleanup());

const lastAudit = () => t.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).get()!;
const deploy = (i: number, extra: Partial<Parameters<typeof deployVersion>[1]> = {}) =>
  deployVersion(t.anyDb, { endpointId: f.endpoint.id, versionId: f.versions[i].versionId, mode: 'replace', source: { userId: f.people.analyst.id }, ...extra });

describe('deploy gates', () => {
  it('refuses a version below a metric threshold, naming the metric, and changes nothing', async () => {
    await expect(deploy(0, { gates: [{ metric: 'roc_auc', op: '>=', value: 0.85 }] })).rejects.toThrow(/Deploy gate failed: roc_auc 0.8 < 0.85/);
    expect(await live(t.anyDb, f.endpoint.id)).toEqual([]);
  });

  it('refuses a gate on a metric the task does not produce', async () => {
    await expect(deploy(0, { gates: [{ metric: 'rmse', op: '<=', value: 1 }] })).rejects.toThrow(/"rmse", which a binary evaluation does not produce/);
  });

  it('needs the challenger to beat the live primary by the margin', async () => {
    const rule = { metric: 'roc_auc' as const, margin: 0.06 };
    expect((await deploy(0, { champion: rule })).gates[0]).toMatchObject({ passed: true });
    await expect(deploy(1, { champion: rule })).rejects.toThrow(/0.85 vs champion v1's 0.8: higher by 0.05, needed 0.06/);
    const outcome = await deploy(2, { champion: rule });
    expect(outcome).toMatchObject({ state: 'deployed', version: 3 });
    expect(lastAudit()).toMatchObject({ action: 'deployment.deploy', detail: { endpoint: 'fraud-scoring', version: 3, mode: 'replace' } });
  });
});

describe('approval where production is guarded', () => {
  beforeEach(async () => {
    await deploy(0);
    await writeRegistrySettings(t.anyDb, 'p1', { productionApproval: true }, f.people.admin.id);
  });

  it('turns a deploy into a request that a manager approves, and then it goes live', async () => {
    const before = await revision(t.anyDb, f.endpoint.id);
    const asked = await deploy(1, { mode: 'canary', canaryPercent: 20 });
    expect(asked.state).toBe('pending');
    expect(await revision(t.anyDb, f.endpoint.id)).toBe(before);
    if (asked.state !== 'pending') throw new Error('expected a request');
    await expect(decideDeployRequest(t.anyDb, asked.requestId, true, f.people.analyst)).rejects.toThrow(/may not approve/);
    expect(await decideDeployRequest(t.anyDb, asked.requestId, true, f.people.manager)).toEqual({ state: 'deployed', version: 2 });
    expect((await live(t.anyDb, f.endpoint.id)).map((d) => [d.role, d.trafficPercent])).toEqual([['canary', 20], ['primary', 80]]);
    expect(await revision(t.anyDb, f.endpoint.id)).toBe(before + 1);
  });

  it('never lets the requester approve, needs a reason to reject, and lets them withdraw', async () => {
    await expect(promoteDeployment(t.anyDb, f.endpoint.id, 'shadow', f.people.analyst)).rejects.toThrow(/no live shadow/);
    const request = await deploy(1);
    if (request.state !== 'pending') throw new Error('expected a request');
    const mine = { id: f.people.admin.id, role: 'admin' as const };
    const byAdmin = await deployVersion(t.anyDb, { endpointId: f.endpoint.id, versionId: f.versions[2].versionId, mode: 'replace', source: { userId: mine.id } });
    if (byAdmin.state !== 'pending') throw new Error('expected a request');
    await expect(decideDeployRequest(t.anyDb, request.requestId, true, f.people.manager)).rejects.toThrow(/already superseded/);
    await expect(decideDeployRequest(t.anyDb, byAdmin.requestId, true, mine)).rejects.toThrow(/You asked for this deploy/);
    await expect(decideDeployRequest(t.anyDb, byAdmin.requestId, false, f.people.manager)).rejects.toThrow(/Say why/);
    await withdrawDeployRequest(t.anyDb, byAdmin.requestId, mine);
    expect(lastAudit()).toMatchObject({ action: 'deployment.withdraw' });
    expect(await live(t.anyDb, f.endpoint.id)).toHaveLength(1);
  });

  it('asks before promoting a canary, and the approval promotes it', async () => {
    await writeRegistrySettings(t.anyDb, 'p1', { productionApproval: false }, f.people.admin.id);
    await deploy(1, { mode: 'canary', canaryPercent: 10 });
    await writeRegistrySettings(t.anyDb, 'p1', { productionApproval: true }, f.people.admin.id);
    const asked = await promoteDeployment(t.anyDb, f.endpoint.id, 'canary', f.people.analyst);
    if (asked.state !== 'pending') throw new Error('expected a request');
    await decideDeployRequest(t.anyDb, asked.requestId, true, f.people.admin);
    expect(await live(t.anyDb, f.endpoint.id)).toEqual([{ role: 'primary', versionId: f.versions[1].versionId, trafficPercent: 100, reason: 'promote' }]);
  });

  it('rolls back without waiting for approval', async () => {
    const asked = await deploy(1);
    if (asked.state !== 'pending') throw new Error('expected a request');
    await decideDeployRequest(t.anyDb, asked.requestId, true, f.people.manager);
    expect(await rollbackEndpoint(t.anyDb, f.endpoint.id, f.people.analyst)).toMatchObject({ state: 'deployed', version: 1, from: 2 });
  });
});
