// Aliases, approvals and `pipeworks promote` on SQLite and on Postgres: moves, requests and
// decisions commit with their audit events in one transaction, and "<model>@<selector>" resolves alike.
import { desc, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { changeAlias, decideAliasRequest, withdrawAliasRequest } from '../../server/registry/aliases';
import { promoteVersion } from '../../server/registry/promote';
import { resolveModelVersion } from '../../server/registry/resolve-version';
import { describeEachDatabase } from './helpers/each-database';
import { PEOPLE, seedModel, seedProjectsAndPeople, seedVersion } from './helpers/registry-seed';

const T0 = 1_765_000_000_000;

describeEachDatabase('registry aliases and promote', (under) => {
  const lastAudit = async () => (await under.db.select().from(under.db.t.auditEvents).orderBy(desc(under.db.t.auditEvents.id)).limit(1))[0];
  const holder = async (alias: string) =>
    (await under.db.select({ versionId: under.db.t.modelAliases.versionId }).from(under.db.t.modelAliases).where(eq(under.db.t.modelAliases.alias, alias)))[0]?.versionId ?? null;

  it('seeds churn v1..v3 in p1 (v3 deleted)', async () => {
    const { db } = under;
    await seedProjectsAndPeople(db);
    await seedModel(db, { id: 'm-churn', projectId: 'p1', name: 'churn', at: T0 });
    for (const v of [1, 2, 3]) await seedVersion(db, { id: `churn-v${v}`, modelId: 'm-churn', version: v, metrics: { roc_auc: 0.8 + v / 100 }, createdAt: T0 + v, deletedAt: v === 3 ? T0 : null });
  });

  it('moves an alias, audits from and to, says unchanged, removes with null, refuses a deleted version', async () => {
    const { db } = under;
    expect(await changeAlias(db, { modelId: 'm-churn', alias: 'Champion', version: 1, comment: ' first ', actor: PEOPLE.scientist })).toEqual({ state: 'moved', alias: 'champion', from: null, to: 1 });
    expect(await changeAlias(db, { modelId: 'm-churn', alias: 'champion', version: 2, actor: PEOPLE.analyst })).toEqual({ state: 'moved', alias: 'champion', from: 1, to: 2 });
    expect(await holder('champion')).toBe('churn-v2');
    expect(await lastAudit()).toMatchObject({ userId: PEOPLE.analyst.id, action: 'model.alias.move', targetId: 'm-churn', detail: { alias: 'champion', from: 1, to: 2 } });
    expect((await changeAlias(db, { modelId: 'm-churn', alias: 'champion', version: 2, actor: PEOPLE.analyst })).state).toBe('unchanged');
    await expect(changeAlias(db, { modelId: 'm-churn', alias: 'champion', version: 3, actor: PEOPLE.analyst })).rejects.toThrow(/Version 3 was deleted/);
    await expect(changeAlias(db, { modelId: 'm-churn', alias: 'champion', version: 9, actor: PEOPLE.analyst })).rejects.toThrow(/no such version/);
    await expect(changeAlias(db, { modelId: 'nope', alias: 'champion', version: 1, actor: PEOPLE.analyst })).rejects.toThrow(/Model nope was not found/);
    expect(await changeAlias(db, { modelId: 'm-churn', alias: 'champion', version: null, actor: PEOPLE.analyst })).toEqual({ state: 'moved', alias: 'champion', from: 2, to: null });
    expect(await holder('champion')).toBeNull();
  });

  it('turns a production move into a request when the project asks; one pending per alias; approve, reject, withdraw', async () => {
    const { db } = under;
    await db.insert(db.t.registrySettings).values({ projectId: 'p1', productionApproval: true, updatedBy: PEOPLE.admin.id, updatedAt: T0 });
    const older = await changeAlias(db, { modelId: 'm-churn', alias: 'production', version: 1, actor: PEOPLE.scientist });
    const asked = await changeAlias(db, { modelId: 'm-churn', alias: 'production', version: 2, comment: 'ready', actor: PEOPLE.scientist });
    if (older.state !== 'pending' || asked.state !== 'pending') throw new Error('expected requests');
    expect(await holder('production')).toBeNull();
    await expect(decideAliasRequest(db, { requestId: older.requestId, approve: true, actor: PEOPLE.viewer })).rejects.toThrow(/already superseded/);
    await expect(decideAliasRequest(db, { requestId: asked.requestId, approve: true, actor: PEOPLE.analyst })).rejects.toThrow(/may not approve/);
    await expect(decideAliasRequest(db, { requestId: asked.requestId, approve: false, actor: PEOPLE.viewer })).rejects.toThrow(/Say why/);
    expect(await decideAliasRequest(db, { requestId: asked.requestId, approve: true, comment: 'ok', actor: PEOPLE.viewer })).toEqual({ state: 'moved', alias: 'production', from: null, to: 2 });
    expect(await holder('production')).toBe('churn-v2');
    const [request] = await db.select().from(db.t.aliasRequests).where(eq(db.t.aliasRequests.id, asked.requestId));
    expect(request).toMatchObject({ state: 'approved', decidedBy: PEOPLE.viewer.id, decisionComment: 'ok', requestedBy: PEOPLE.scientist.id });
    expect(await lastAudit()).toMatchObject({ action: 'model.alias.move', detail: { approvedBy: PEOPLE.viewer.id, requestComment: 'ready' } });

    const back = await changeAlias(db, { modelId: 'm-churn', alias: 'production', version: 1, actor: PEOPLE.analyst });
    if (back.state !== 'pending') throw new Error('expected a request');
    expect(await decideAliasRequest(db, { requestId: back.requestId, approve: false, comment: 'no', actor: PEOPLE.viewer })).toEqual({ state: 'unchanged', alias: 'production', to: 2 });
    const again = await changeAlias(db, { modelId: 'm-churn', alias: 'production', version: 1, actor: PEOPLE.analyst });
    if (again.state !== 'pending') throw new Error('expected a request');
    await expect(withdrawAliasRequest(db, again.requestId, PEOPLE.scientist)).rejects.toThrow(/Only the person who asked/);
    await withdrawAliasRequest(db, again.requestId, PEOPLE.analyst);
    expect((await db.select({ state: db.t.aliasRequests.state }).from(db.t.aliasRequests)).map((r) => r.state).sort()).toEqual(['approved', 'rejected', 'superseded', 'withdrawn']);
  });

  it('resolves latest, vN and an alias, and names what is missing', async () => {
    const { db } = under;
    expect(await resolveModelVersion(db, 'churn')).toMatchObject({ modelName: 'churn', version: 2, format: 'pipeworks/logistic' });
    expect(await resolveModelVersion(db, 'churn@v1', 'Project one')).toMatchObject({ version: 1, artifactId: 'churn-v1'.padEnd(64, '0') });
    expect((await resolveModelVersion(db, 'churn@production')).version).toBe(2);
    await expect(resolveModelVersion(db, 'churn@v3')).rejects.toThrow(/no version 3/);
    await expect(resolveModelVersion(db, 'churn@prod')).rejects.toThrow(/no alias "prod"; use latest, v<N> or one of production/);
    await expect(resolveModelVersion(db, 'chrun')).rejects.toThrow('There is no registered model "chrun". Did you mean "churn"?');
    // With --project, no other project's model is offered: "churn" is Project one's.
    await expect(resolveModelVersion(db, 'chrun', 'Project two')).rejects.toThrow(/^There is no registered model "chrun" in project "Project two"\.$/);
  });

  it('promotes only when the gates pass, and then moves the alias with no user, audited', async () => {
    const { db } = under;
    const refused = await promoteVersion(db, { reference: 'churn@v1', alias: 'staging', gates: [{ metric: 'roc_auc', op: '>=', value: 0.9 }], champion: null });
    expect(refused.state).toBe('refused');
    expect(await holder('staging')).toBeNull();
    const moved = await promoteVersion(db, { reference: 'churn@v1', alias: 'staging', gates: [{ metric: 'roc_auc', op: '>=', value: 0.8 }], champion: null });
    expect(moved).toMatchObject({ state: 'moved', model: 'churn', version: 1, alias: 'staging', to: 1 });
    expect(await holder('staging')).toBe('churn-v1');
    expect(await lastAudit()).toMatchObject({ userId: null, action: 'model.alias.move', detail: { comment: 'pipeworks promote' } });
  });
});
