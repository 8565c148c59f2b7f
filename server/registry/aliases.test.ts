import { desc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aliasRequests, auditEvents, modelAliases, modelVersions } from '../db/schema';
import { openTestDb, type TestDb } from '../db/test-db';
import { changeAlias, decideAliasRequest, withdrawAliasRequest } from './aliases';
import { registerModelVersion, type RegisteredVersion } from './register';
import { writeRegistrySettings } from './registry-settings';
import { draft, seedRegistryFixtures, type RegistryPeople } from './test-kit';

let t: TestDb;
let people: RegistryPeople;
let v1: RegisteredVersion;
let v2: RegisteredVersion;

beforeEach(async () => {
  t = openTestDb();
  people = await seedRegistryFixtures(t.anyDb);
  const register = () => registerModelVersion(t.anyDb, { projectId: 'p1', modelName: 'churn', draft: draft(), userId: people.scientist.id, via: 'manual' });
  v1 = await register();
  v2 = await register();
});
afterEach(() => t.cleanup());

const aliasOf = (alias: string) => t.db.select().from(modelAliases).where(eq(modelAliases.alias, alias)).get()?.versionId ?? null;
const lastAudit = () => t.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).get()!;

describe('changeAlias without approval', () => {
  it('points an alias at one version at a time, and audits from, to and the comment', async () => {
    expect(await changeAlias(t.anyDb, { modelId: v1.modelId, alias: 'champion', version: 1, actor: people.scientist })).toEqual({ state: 'moved', alias: 'champion', from: null, to: 1 });
    const moved = await changeAlias(t.anyDb, { modelId: v1.modelId, alias: 'Champion', version: 2, comment: ' better AUC ', actor: people.analyst });
    expect(moved).toEqual({ state: 'moved', alias: 'champion', from: 1, to: 2 });
    expect(aliasOf('champion')).toBe(v2.versionId);
    expect(t.db.select().from(modelAliases).all()).toHaveLength(1);
    expect(lastAudit()).toMatchObject({ userId: people.analyst.id, action: 'model.alias.move', detail: { alias: 'champion', from: 1, to: 2, comment: 'better AUC' } });
  });

  it('says unchanged for a move to where it already points, and removes with null', async () => {
    await changeAlias(t.anyDb, { modelId: v1.modelId, alias: 'staging', version: 1, actor: people.scientist });
    expect((await changeAlias(t.anyDb, { modelId: v1.modelId, alias: 'staging', version: 1, actor: people.scientist })).state).toBe('unchanged');
    expect(await changeAlias(t.anyDb, { modelId: v1.modelId, alias: 'staging', version: null, actor: people.scientist })).toEqual({ state: 'moved', alias: 'staging', from: 1, to: null });
    expect(aliasOf('staging')).toBeNull();
  });

  it('refuses reserved names, a version the model does not have and a deleted version', async () => {
    await expect(changeAlias(t.anyDb, { modelId: v1.modelId, alias: 'v2', version: 2, actor: people.scientist })).rejects.toThrow(/reserved/);
    const other = await registerModelVersion(t.anyDb, { projectId: 'p1', modelName: 'fraud', draft: draft(), userId: null, via: 'manual' });
    await expect(changeAlias(t.anyDb, { modelId: other.modelId, alias: 'champion', version: 2, actor: people.scientist })).rejects.toThrow(/no such version/);
    t.db.update(modelVersions).set({ deletedAt: 1 }).where(eq(modelVersions.id, v1.versionId)).run();
    await expect(changeAlias(t.anyDb, { modelId: v1.modelId, alias: 'champion', version: 1, actor: people.scientist })).rejects.toThrow(/Version 1 was deleted/);
  });

  it('moves production at once while the project does not ask for approval', async () => {
    expect((await changeAlias(t.anyDb, { modelId: v1.modelId, alias: 'production', version: 1, actor: people.scientist })).state).toBe('moved');
  });
});

describe('production with approval', () => {
  beforeEach(async () => {
    await writeRegistrySettings(t.anyDb, 'p1', { productionApproval: true }, people.admin.id);
    await changeAlias(t.anyDb, { modelId: v1.modelId, alias: 'champion', version: 2, actor: people.scientist });
  });

  it('turns a move into a pending request that a manager approves, with every step audited', async () => {
    const asked = await changeAlias(t.anyDb, { modelId: v1.modelId, alias: 'production', version: 2, comment: 'ready', actor: people.scientist });
    expect(asked).toMatchObject({ state: 'pending', from: null, to: 2 });
    expect(aliasOf('production')).toBeNull();
    expect(lastAudit()).toMatchObject({ action: 'model.alias.request', userId: people.scientist.id, detail: { to: 2, comment: 'ready' } });
    if (asked.state !== 'pending') return;

    const decided = await decideAliasRequest(t.anyDb, { requestId: asked.requestId, approve: true, comment: 'ok by finance', actor: people.manager });
    expect(decided).toEqual({ state: 'moved', alias: 'production', from: null, to: 2 });
    expect(aliasOf('production')).toBe(v2.versionId);
    const events = t.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(2).all();
    expect(events.map((e) => e.action)).toEqual(['model.alias.move', 'model.alias.approve']);
    expect(events[1]).toMatchObject({ userId: people.manager.id, detail: { from: null, to: 2, comment: 'ok by finance', requestedBy: people.scientist.id, requestComment: 'ready' } });
    expect(t.db.select().from(aliasRequests).get()).toMatchObject({ state: 'approved', decidedBy: people.manager.id, decisionComment: 'ok by finance' });
    await expect(decideAliasRequest(t.anyDb, { requestId: asked.requestId, approve: true, actor: people.admin })).rejects.toThrow(/already approved/);
  });

  it('does not let the requester, or a role without approval rights, decide', async () => {
    const asked = await changeAlias(t.anyDb, { modelId: v1.modelId, alias: 'production', version: 2, actor: people.admin });
    if (asked.state !== 'pending') throw new Error('expected a request');
    await expect(decideAliasRequest(t.anyDb, { requestId: asked.requestId, approve: true, actor: people.admin })).rejects.toThrow(/someone else/);
    await expect(decideAliasRequest(t.anyDb, { requestId: asked.requestId, approve: true, actor: people.scientist })).rejects.toThrow(/may not approve/);
    expect((await decideAliasRequest(t.anyDb, { requestId: asked.requestId, approve: true, actor: people.viewer })).state).toBe('moved');
  });

  it('needs a reason to reject, and a rejection moves nothing', async () => {
    const asked = await changeAlias(t.anyDb, { modelId: v1.modelId, alias: 'production', version: 1, actor: people.scientist });
    if (asked.state !== 'pending') throw new Error('expected a request');
    await expect(decideAliasRequest(t.anyDb, { requestId: asked.requestId, approve: false, actor: people.manager })).rejects.toThrow(/Say why/);
    expect((await decideAliasRequest(t.anyDb, { requestId: asked.requestId, approve: false, comment: 'AUC too low', actor: people.manager })).state).toBe('unchanged');
    expect(aliasOf('production')).toBeNull();
    expect(lastAudit()).toMatchObject({ action: 'model.alias.reject', detail: { comment: 'AUC too low' } });
  });

  it('keeps one question per alias: a newer request supersedes the older; the requester can withdraw', async () => {
    const first = await changeAlias(t.anyDb, { modelId: v1.modelId, alias: 'production', version: 1, actor: people.scientist });
    const second = await changeAlias(t.anyDb, { modelId: v1.modelId, alias: 'production', version: 2, actor: people.analyst });
    if (first.state !== 'pending' || second.state !== 'pending') throw new Error('expected requests');
    await expect(decideAliasRequest(t.anyDb, { requestId: first.requestId, approve: true, actor: people.manager })).rejects.toThrow(/already superseded/);
    await expect(withdrawAliasRequest(t.anyDb, second.requestId, people.scientist)).rejects.toThrow(/Only the person who asked/);
    await withdrawAliasRequest(t.anyDb, second.requestId, people.analyst);
    expect(t.db.select({ state: aliasRequests.state }).from(aliasRequests).all().map((r) => r.state).sort()).toEqual(['superseded', 'withdrawn']);
  });

  it('asks for approval to remove production too, and leaves other aliases free', async () => {
    expect((await changeAlias(t.anyDb, { modelId: v1.modelId, alias: 'staging', version: 1, actor: people.scientist })).state).toBe('moved');
    expect((await changeAlias(t.anyDb, { modelId: v1.modelId, alias: 'production', version: null, actor: people.scientist })).state).toBe('unchanged');
  });
});
