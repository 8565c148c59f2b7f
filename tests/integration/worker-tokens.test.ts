// Worker tokens and the worker registry on both databases: minted once and stored as a hash,
// refused from the moment they are revoked, and workers listed while their heartbeats are recent.
import { eq, inArray } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import { hashToken } from '../../server/auth/tokens';
import type { AnyDb } from '../../server/db/any-db';
import { connectedWorkers, recordHeartbeat } from '../../server/queue/worker-registry';
import { checkWorkerToken, createWorkerToken, listWorkerTokens, revokeWorkerToken } from '../../server/queue/worker-tokens';
import { describeEachDatabase } from './helpers/each-database';

let serial = 0;
async function newAdmin(db: AnyDb): Promise<string> {
  const id = `admin-${++serial}`;
  await db.insert(db.t.users).values({ id, email: `${id}@example.com`, name: id, role: 'admin', passwordHash: 'x', createdAt: Date.now() });
  return id;
}

describeEachDatabase('worker tokens', (under) => {
  it('returns pw_wk_<random> once and stores only its hash', async () => {
    const { db } = under;
    const admin = await newAdmin(db);
    const { id, token, prefix } = await createWorkerToken(db, admin, ' gpu box ');
    expect(token).toMatch(/^pw_wk_[A-Za-z0-9_-]{43}$/);
    const [row] = await db.select().from(db.t.workerTokens).where(eq(db.t.workerTokens.id, id));
    expect(row).toMatchObject({ id, name: 'gpu box', prefix, tokenHash: hashToken(token), createdBy: admin, revokedAt: null, lastUsedAt: null });
    const listed = await listWorkerTokens(db);
    expect(listed.map((t) => t.id)).toContain(id);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(JSON.stringify(listed)).not.toContain(hashToken(token));
    await expect(createWorkerToken(db, admin, '  ')).rejects.toThrow(UserError);
  });

  it('lists tokens newest first, those made in one millisecond by id (the same order on every read)', async () => {
    const { db } = under;
    const t = db.t.workerTokens;
    const admin = await newAdmin(db);
    const made: string[] = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) made.push((await createWorkerToken(db, admin, name)).id);
    const listed = async () => (await listWorkerTokens(db)).map((token) => token.id).filter((id) => made.includes(id));
    // Made one after the other, several may share a millisecond: expect the list's own order, not creation's.
    const at = new Map((await db.select({ id: t.id, createdAt: t.createdAt }).from(t)).map((r) => [r.id, r.createdAt]));
    expect(await listed()).toEqual([...made].sort((x, y) => at.get(y)! - at.get(x)! || (x < y ? 1 : -1)));
    // Newest first: the last made, given a later millisecond of its own, leads.
    await db.update(t).set({ createdAt: Math.max(...at.values()) + 1 }).where(eq(t.id, made[4]));
    expect((await listed())[0]).toBe(made[4]);
    // All in one millisecond: by id, newest-first's direction, so a tie is never the database's choice.
    await db.update(t).set({ createdAt: 1 }).where(inArray(t.id, made));
    expect(await listed()).toEqual([...made].sort().reverse());
  });

  it('is refused from the moment it is revoked, saying why, and records its last use once a minute', async () => {
    const { db } = under;
    const admin = await newAdmin(db);
    const { id, token } = await createWorkerToken(db, admin, 'w1');
    expect(await checkWorkerToken(db, token, 5_000_000)).toMatchObject({ ok: true, token: { id, lastUsedAt: 5_000_000 } });
    expect(await checkWorkerToken(db, token, 5_030_000)).toMatchObject({ ok: true, token: { id, lastUsedAt: 5_000_000 } });
    expect(await checkWorkerToken(db, token, 5_060_000)).toMatchObject({ ok: true, token: { id, lastUsedAt: 5_060_000 } });
    const [stored] = await db.select({ lastUsedAt: db.t.workerTokens.lastUsedAt }).from(db.t.workerTokens).where(eq(db.t.workerTokens.id, id));
    expect(stored.lastUsedAt).toBe(5_060_000);
    expect(await checkWorkerToken(db, null)).toMatchObject({ ok: false, reason: expect.stringContaining('No worker token') });
    expect(await checkWorkerToken(db, 'pw_abc')).toMatchObject({ ok: false, reason: expect.stringContaining('starts with pw_wk_') });
    expect(await checkWorkerToken(db, token.slice(0, -2) + 'xx')).toEqual({ ok: false, reason: 'Unknown worker token' });
    expect(await revokeWorkerToken(db, id, admin)).toBe(true);
    expect(await revokeWorkerToken(db, id, admin)).toBe(false);
    expect(await revokeWorkerToken(db, 'no-such-token', admin)).toBe(false);
    expect(await checkWorkerToken(db, token)).toEqual({ ok: false, reason: expect.stringMatching(/^Worker token "w1" \(pw_wk_.{8}…\) was revoked$/) });
  });

  it('lists a worker while its heartbeats are recent, with its latest figures, and prunes long-gone ones', async () => {
    const { db } = under;
    const admin = await newAdmin(db);
    const { id } = await createWorkerToken(db, admin, 'w1');
    const beat = { workerId: 'host:1:a', hostname: 'host', capabilities: { sandbox: true, memoryBytes: 1e9, gpu: 'none' }, concurrency: 2, active: 1, loadAverage: 0.5, startedAt: 1 };
    await recordHeartbeat(db, id, beat, 1_000_000);
    await recordHeartbeat(db, id, { ...beat, active: 2 }, 1_004_000);
    expect(await connectedWorkers(db, 1_010_000)).toEqual([
      { id: 'host:1:a', tokenId: id, hostname: 'host', capabilities: { sandbox: true, memoryBytes: 1e9, gpu: 'none' }, concurrency: 2, active: 2, loadAverage: 0.5, startedAt: 1, lastHeartbeatAt: 1_004_000 },
    ]);
    expect(await connectedWorkers(db, 1_004_000 + 60_000)).toEqual([]);
    // A day later another worker's beat prunes the gone one's row.
    await recordHeartbeat(db, id, { ...beat, workerId: 'host:2:b' }, 1_004_000 + 25 * 3_600_000);
    const all = await db.select({ id: db.t.queueWorkers.id }).from(db.t.queueWorkers);
    expect(all.map((w) => w.id)).toEqual(['host:2:b']);
  });
});
