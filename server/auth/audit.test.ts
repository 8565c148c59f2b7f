import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../db/test-db';
import { audit, auditPage, recentAuditEvents } from './audit';

let t: TestDb;
beforeEach(() => {
  t = openTestDb();
});
afterEach(() => t.cleanup());

describe('audit', () => {
  it('appends events with detail, newest first', async () => {
    const before = Date.now();
    await audit(t.anyDb, { userId: 'u1', action: 'user.login' });
    await audit(t.anyDb, { userId: 'u1', action: 'run.start', targetType: 'run', targetId: 'r1', detail: { version: 3 } });
    const [latest, first] = await recentAuditEvents(t.anyDb);
    expect(latest).toMatchObject({ userId: 'u1', action: 'run.start', targetType: 'run', targetId: 'r1', detail: { version: 3 } });
    expect(first).toMatchObject({ action: 'user.login', targetType: null, targetId: null, detail: {} });
    expect(first.at).toBeGreaterThanOrEqual(before);
    expect(latest.id).toBeGreaterThan(first.id);
  });

  it('keeps events about users that do not exist (no foreign key)', async () => {
    await audit(t.anyDb, { userId: 'deleted-user', action: 'user.disable' });
    await audit(t.anyDb, { userId: null, action: 'login.failed', detail: { email: 'x@example.com' } });
    expect(await recentAuditEvents(t.anyDb, 1)).toHaveLength(1);
    expect((await recentAuditEvents(t.anyDb)).map((e) => e.userId)).toEqual([null, 'deleted-user']);
  });
});

describe('auditPage', () => {
  it('pages newest first by id and filters by action family and target', async () => {
    for (let i = 0; i < 5; i++) await audit(t.anyDb, { userId: 'u1', action: i % 2 ? 'model.alias.move' : 'model.register', targetType: 'model', targetId: i < 3 ? 'm1' : 'm2' });
    await audit(t.anyDb, { userId: 'u1', action: 'model_x.odd' });
    const first = await auditPage(t.anyDb, { limit: 2 });
    expect(first.map((e) => e.action)).toEqual(['model_x.odd', 'model.register']);
    expect(await auditPage(t.anyDb, { limit: 10, beforeId: first[1].id })).toHaveLength(4);
    expect((await auditPage(t.anyDb, { limit: 10, action: 'model.alias' })).map((e) => e.targetId)).toEqual(['m2', 'm1']);
    // "_" in a filter is a character, not a wildcard: "model_" does not match "model.".
    expect((await auditPage(t.anyDb, { limit: 10, action: 'model_' })).map((e) => e.action)).toEqual(['model_x.odd']);
    expect(await auditPage(t.anyDb, { limit: 10, targetType: 'model', targetId: 'm1' })).toHaveLength(3);
  });
});
