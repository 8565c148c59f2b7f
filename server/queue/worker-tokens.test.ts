import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import { createUser, type PublicUser } from '../auth/users';
import { hashToken } from '../auth/tokens';
import { workerTokens } from '../db/schema';
import { openTestDb, type TestDb } from '../db/test-db';
import { connectedWorkers, recordHeartbeat } from './worker-registry';
import { checkWorkerToken, createWorkerToken, listWorkerTokens, revokeWorkerToken } from './worker-tokens';

let t: TestDb;
let admin: PublicUser;
beforeEach(async () => {
  t = openTestDb();
  admin = await createUser(t.anyDb, { email: 'admin@example.com', name: 'Admin', role: 'admin', password: 'long enough password' });
});
afterEach(() => t.cleanup());

describe('worker tokens', () => {
  it('returns pw_wk_<random> once and stores only its hash', () => {
    const { id, token, prefix } = createWorkerToken(t.db, admin.id, ' gpu box ');
    expect(token).toMatch(/^pw_wk_[A-Za-z0-9_-]{43}$/);
    const row = t.db.select().from(workerTokens).get();
    expect(row).toMatchObject({ id, name: 'gpu box', prefix, tokenHash: hashToken(token), createdBy: admin.id });
    expect(JSON.stringify(listWorkerTokens(t.db))).not.toContain(token);
    expect(() => createWorkerToken(t.db, admin.id, '  ')).toThrow(UserError);
  });

  it('is refused from the moment it is revoked, saying why', () => {
    const { id, token } = createWorkerToken(t.db, admin.id, 'w1');
    expect(checkWorkerToken(t.db, token, 5_000_000)).toMatchObject({ ok: true, token: { id, lastUsedAt: 5_000_000 } });
    expect(checkWorkerToken(t.db, null)).toMatchObject({ ok: false, reason: expect.stringContaining('No worker token') });
    expect(checkWorkerToken(t.db, 'pw_abc')).toMatchObject({ ok: false, reason: expect.stringContaining('starts with pw_wk_') });
    expect(checkWorkerToken(t.db, token.slice(0, -2) + 'xx')).toEqual({ ok: false, reason: 'Unknown worker token' });
    expect(revokeWorkerToken(t.db, id, admin.id)).toBe(true);
    expect(revokeWorkerToken(t.db, id, admin.id)).toBe(false);
    expect(checkWorkerToken(t.db, token)).toEqual({ ok: false, reason: expect.stringMatching(/^Worker token "w1" \(pw_wk_.{8}…\) was revoked$/) });
  });

  it('lists a worker while its heartbeats are recent, with its latest figures', () => {
    const { id } = createWorkerToken(t.db, admin.id, 'w1');
    const beat = { workerId: 'host:1:a', hostname: 'host', capabilities: { sandbox: true, memoryBytes: 1e9 }, concurrency: 2, active: 1, loadAverage: 0.5, startedAt: 1 };
    recordHeartbeat(t.db, id, beat, 1_000_000);
    recordHeartbeat(t.db, id, { ...beat, active: 2 }, 1_004_000);
    expect(connectedWorkers(t.db, 1_010_000)).toMatchObject([{ id: 'host:1:a', active: 2, tokenId: id, lastHeartbeatAt: 1_004_000 }]);
    expect(connectedWorkers(t.db, 1_004_000 + 60_000)).toEqual([]);
  });
});
