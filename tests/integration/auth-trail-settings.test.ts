// The audit trail, sign-in limits, and instance and registry settings on both databases: the same
// store calls, the same answers, and audit rows that commit or roll back with their transaction.
import { expect, it } from 'vitest';
import { audit, auditPage, auditRouteRefusal, recentAuditEvents } from '../../server/auth/audit';
import { createUser } from '../../server/auth/users';
import { checkSignIn, clearSignInFailures, recordSignInFailure } from '../../server/auth/sign-in-limits';
import { withTransaction } from '../../server/db/transaction';
import { loadRegistrySettings, writeRegistrySettings } from '../../server/registry/registry-settings';
import { readInstanceSettings, writeInstanceSettings } from '../../server/settings/instance-settings';
import { describeEachDatabase } from './helpers/each-database';

describeEachDatabase('audit trail, sign-in limits and settings', (under) => {
  it('appends events with JSON detail, newest first, and pages and filters them alike', async () => {
    const { db } = under;
    await audit(db, { userId: 'u1', action: 'user.login' });
    for (let i = 0; i < 5; i++) {
      await audit(db, { userId: 'u1', action: i % 2 ? 'model.alias.move' : 'model.register', targetType: 'model', targetId: i < 3 ? 'm1' : 'm2', detail: { i, nested: { by: 'u2' } } });
    }
    await audit(db, { userId: null, action: 'model_x.odd' });
    await audit(db, { userId: 'u1', action: 'apiKey.create', targetType: 'apiKey', targetId: 'k1' });

    const [latest, previous] = await recentAuditEvents(db, 2);
    expect(latest).toMatchObject({ action: 'apiKey.create', targetType: 'apiKey', targetId: 'k1', detail: {} });
    expect(previous).toMatchObject({ userId: null, action: 'model_x.odd', targetType: null, targetId: null });
    expect(latest.id).toBeGreaterThan(previous.id);

    const firstPage = await auditPage(db, { limit: 3 });
    expect(firstPage.map((e) => e.action)).toEqual(['apiKey.create', 'model_x.odd', 'model.register']);
    expect((await auditPage(db, { limit: 10, beforeId: firstPage[2].id })).map((e) => e.action)).toEqual([
      'model.alias.move',
      'model.register',
      'model.alias.move',
      'model.register',
      'user.login',
    ]);
    expect((await auditPage(db, { limit: 10, action: 'model.alias' })).map((e) => [e.targetId, e.detail])).toEqual([
      ['m2', { i: 3, nested: { by: 'u2' } }],
      ['m1', { i: 1, nested: { by: 'u2' } }],
    ]);
    // "_" is a character, not a wildcard; and the filter ignores case on both (SQLite's LIKE does).
    expect((await auditPage(db, { limit: 10, action: 'model_' })).map((e) => e.action)).toEqual(['model_x.odd']);
    expect((await auditPage(db, { limit: 10, action: 'APIKEY' })).map((e) => e.action)).toEqual(['apiKey.create']);
    expect(await auditPage(db, { limit: 10, targetType: 'model', targetId: 'm1' })).toHaveLength(3);

    await auditRouteRefusal(db, 'u3', new Request('http://127.0.0.1/api/datasets/upload', { method: 'POST' }), 'Your role (viewer) may not upload datasets');
    expect((await recentAuditEvents(db, 1))[0]).toMatchObject({
      userId: 'u3',
      action: 'access.denied',
      targetType: 'route',
      targetId: '/api/datasets/upload',
      detail: { method: 'POST', reason: 'Your role (viewer) may not upload datasets' },
    });
  });

  it('writes an audit row inside a transaction: kept on commit, gone on rollback', async () => {
    const { db } = under;
    await withTransaction(db, async (tx) => {
      await audit(tx, { userId: 'u1', action: 'tx.committed' });
    });
    const failed = await withTransaction(db, async (tx) => {
      await audit(tx, { userId: 'u1', action: 'tx.rolled-back' });
      throw new Error('the body failed');
    }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    const actions = (await auditPage(db, { limit: 10, action: 'tx.' })).map((e) => e.action);
    expect(actions).toEqual(['tx.committed']);
  });

  it('counts sign-in failures per account and per address in a sliding window', async () => {
    const { db } = under;
    const limits = { perAccount: 3, perAddress: 5, windowMs: 60_000 };
    for (let i = 0; i < 3; i++) {
      expect(await checkSignIn(db, limits, 'ada', 'a1', 1000 + i)).toEqual({ ok: true });
      await recordSignInFailure(db, limits, 'ada', `a${i}`, 1000 + i);
    }
    expect(await checkSignIn(db, limits, 'ada', 'elsewhere', 2000)).toEqual({ ok: false, retryAfterSeconds: 59, by: 'account' });
    expect(await checkSignIn(db, limits, 'bob', 'elsewhere', 2000)).toEqual({ ok: true });
    expect(await checkSignIn(db, limits, 'ada', 'elsewhere', 61_001)).toEqual({ ok: true });

    await clearSignInFailures(db, 'ada');
    expect(await checkSignIn(db, limits, 'ada', 'elsewhere', 2000)).toEqual({ ok: true });
    for (let i = 0; i < 4; i++) await recordSignInFailure(db, limits, `user${i}`, 'a1', 3000);
    // a1 now holds one failure of ada (cleared for the account, kept for the address) and four more.
    expect(await checkSignIn(db, limits, 'fresh', 'a1', 3001)).toMatchObject({ ok: false, by: 'address' });

    // A failure past the window drops the old rows.
    await recordSignInFailure(db, limits, 'zed', 'z', 200_000);
    const keys = (await db.select({ key: db.t.signInFailures.key }).from(db.t.signInFailures)).map((r) => r.key).sort();
    expect(keys).toEqual(['account:zed', 'address:z']);
  });

  it('reads defaults, writes instance and registry settings, and audits each change from and to', async () => {
    const { db } = under;
    const admin = (await createUser(db, { email: 'settings@example.com', name: 'Admin', role: 'admin', password: 'long enough password' })).id;
    expect(await readInstanceSettings(db)).toEqual({ upgradesCacheCompatible: false });
    await writeInstanceSettings(db, { upgradesCacheCompatible: true }, admin);
    expect(await readInstanceSettings(db)).toEqual({ upgradesCacheCompatible: true });
    await writeInstanceSettings(db, { upgradesCacheCompatible: false }, admin);
    expect(await readInstanceSettings(db)).toEqual({ upgradesCacheCompatible: false });
    expect((await auditPage(db, { limit: 10, action: 'settings.cache' })).map((e) => e.detail)).toEqual([
      { from: { upgradesCacheCompatible: true }, to: { upgradesCacheCompatible: false } },
      { from: { upgradesCacheCompatible: false }, to: { upgradesCacheCompatible: true } },
    ]);
    const [row] = await db.select().from(db.t.instanceSettings);
    expect(row).toMatchObject({ id: 1, upgradesCacheCompatible: false, updatedBy: admin });

    // pg: projects (a row straight into the table until server/projects takes an AnyDb)
    await db.insert(db.t.projects).values({ id: 'p1', name: 'P1', createdAt: 1 });
    expect(await loadRegistrySettings(db, 'p1')).toEqual({ productionApproval: false });
    await writeRegistrySettings(db, 'p1', { productionApproval: true }, admin);
    expect(await loadRegistrySettings(db, 'p1')).toEqual({ productionApproval: true });
    expect(await loadRegistrySettings(db, 'other')).toEqual({ productionApproval: false });
    expect((await auditPage(db, { limit: 10, action: 'registry.settings' }))[0]).toMatchObject({
      userId: admin,
      targetType: 'project',
      targetId: 'p1',
      detail: { from: { productionApproval: false }, to: { productionApproval: true } },
    });
  });
});
