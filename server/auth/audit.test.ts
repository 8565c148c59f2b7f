import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../db/test-db';
import { audit, recentAuditEvents } from './audit';

let t: TestDb;
beforeEach(() => {
  t = openTestDb();
});
afterEach(() => t.cleanup());

describe('audit', () => {
  it('appends events with detail, newest first', () => {
    const before = Date.now();
    audit(t.db, { userId: 'u1', action: 'user.login' });
    audit(t.db, { userId: 'u1', action: 'run.start', targetType: 'run', targetId: 'r1', detail: { version: 3 } });
    const [latest, first] = recentAuditEvents(t.db);
    expect(latest).toMatchObject({ userId: 'u1', action: 'run.start', targetType: 'run', targetId: 'r1', detail: { version: 3 } });
    expect(first).toMatchObject({ action: 'user.login', targetType: null, targetId: null, detail: {} });
    expect(first.at).toBeGreaterThanOrEqual(before);
    expect(latest.id).toBeGreaterThan(first.id);
  });

  it('keeps events about users that do not exist (no foreign key)', () => {
    audit(t.db, { userId: 'deleted-user', action: 'user.disable' });
    audit(t.db, { userId: null, action: 'login.failed', detail: { email: 'x@example.com' } });
    expect(recentAuditEvents(t.db, 1)).toHaveLength(1);
    expect(recentAuditEvents(t.db).map((e) => e.userId)).toEqual([null, 'deleted-user']);
  });
});
