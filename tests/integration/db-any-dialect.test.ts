// The data-access foundation on both databases: one set of awaited Drizzle queries, values that
// come back as the same JavaScript on each, and transactions that serialize and roll back alike
// (server/db/transaction.ts says why each dialect needs what it does).
import { count, desc, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { AnyDb } from '../../server/db/any-db';
import { first } from '../../server/db/any-db';
import { TransactionAbandoned, withTransaction } from '../../server/db/transaction';
import { describeEachDatabase } from './helpers/each-database';

let serial = 0;
function newUser(db: AnyDb, email = `u${++serial}@example.com`) {
  return db.insert(db.t.users).values({ id: `id-${email}`, email, name: email, role: 'viewer', passwordHash: 'x', createdAt: Date.now() });
}

async function userCount(db: AnyDb): Promise<number> {
  const [row] = await db.select({ n: count() }).from(db.t.users);
  return Number(row.n);
}

describeEachDatabase('AnyDb queries and transactions', (under) => {
  it('round-trips epoch milliseconds, JSON, booleans and serial ids as the same JavaScript values', async () => {
    const { db } = under;
    const at = 1_765_000_000_123; // past 2^31: a Postgres integer column would refuse it
    await newUser(db, 'json@example.com');
    const inserted = await db
      .insert(db.t.auditEvents)
      .values({ at, userId: 'id-json@example.com', action: 'test.roundtrip', detail: { nested: { list: [1, 'two', null] }, ok: true } })
      .returning({ id: db.t.auditEvents.id });
    expect(typeof inserted[0].id).toBe('number');
    const row = first(await db.select().from(db.t.auditEvents).where(eq(db.t.auditEvents.id, inserted[0].id)).limit(1));
    expect(row).toMatchObject({ at, action: 'test.roundtrip', detail: { nested: { list: [1, 'two', null] }, ok: true }, targetId: null });

    await db.insert(db.t.instanceSettings).values({ id: 1, upgradesCacheCompatible: true, updatedAt: at });
    const [settings] = await db.select().from(db.t.instanceSettings);
    expect(settings.upgradesCacheCompatible).toBe(true);
    expect(settings.updatedAt).toBe(at);
    expect(first(await db.select().from(db.t.users).where(eq(db.t.users.email, 'nobody@example.com')).limit(1))).toBeNull();
  });

  it('counts changed rows through returning(), the same on both drivers', async () => {
    const { db } = under;
    await newUser(db, 'count-a@example.com');
    await newUser(db, 'count-b@example.com');
    const changed = await db.update(db.t.users).set({ disabledAt: 5 }).where(eq(db.t.users.role, 'viewer')).returning({ id: db.t.users.id });
    expect(changed.length).toBeGreaterThanOrEqual(2);
  });

  it('runs concurrent read-check-write transactions one after the other, so none sees a stale count', async () => {
    const { db } = under;
    const before = await userCount(db);
    // Each body reads the count, awaits more queries, then writes an email derived from it. Were two
    // bodies to interleave, both would read the same count and the second insert would hit the
    // unique email index (Postgres), or BEGIN inside an open transaction (SQLite).
    const bodies = Array.from({ length: 6 }, (_, i) =>
      withTransaction(db, async (tx) => {
        const n = await userCount(tx);
        await tx.select().from(tx.t.users).orderBy(desc(tx.t.users.createdAt)).limit(1);
        await newUser(tx, `seq-${n}@example.com`);
        return { i, n };
      }),
    );
    const results = await Promise.all(bodies);
    expect(results.map((r) => r.n).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5].map((k) => before + k));
    expect(await userCount(db)).toBe(before + 6);
  });

  it('rolls a failed body back, while a query on the outer handle issued during it is kept', async () => {
    const { db } = under;
    let outer: Promise<unknown> | undefined;
    const failed = await withTransaction(db, async (tx) => {
      await newUser(tx, 'rolled-back@example.com');
      // Not awaited by the body: on SQLite it must wait for the transaction, not run inside it.
      outer = newUser(db, 'outer@example.com').then(() => 'done');
      await newUser(tx, 'rolled-back@example.com'); // unique email: fails the body
    }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    expect(await outer).toBe('done');
    const emails = (await db.select({ email: db.t.users.email }).from(db.t.users)).map((r) => r.email);
    expect(emails).toContain('outer@example.com');
    expect(emails).not.toContain('rolled-back@example.com');
  });

  it('joins an enclosing transaction when called on a transaction handle', async () => {
    const { db } = under;
    const failed = await withTransaction(db, async (tx) => {
      await withTransaction(tx, async (inner) => {
        await newUser(inner, 'nested@example.com');
      });
      throw new Error('outer body fails after the inner one finished');
    }).catch((error: unknown) => error);
    expect((failed as Error).message).toMatch(/outer body fails/);
    expect(first(await db.select().from(db.t.users).where(eq(db.t.users.email, 'nested@example.com')).limit(1))).toBeNull();
  });

  it('on SQLite refuses a body that awaits anything but its own queries; on Postgres it commits', async () => {
    const { db } = under;
    const outcome = await withTransaction(db, async (tx) => {
      await newUser(tx, 'slow@example.com');
      await new Promise((resolve) => setTimeout(resolve, 20));
      await newUser(tx, 'slow-2@example.com');
      return 'committed';
    }).catch((error: unknown) => error);
    const rows = await db.select({ email: db.t.users.email }).from(db.t.users).where(eq(db.t.users.email, 'slow@example.com'));
    if (under.dialect === 'sqlite') {
      expect(outcome).toBeInstanceOf(TransactionAbandoned);
      expect((outcome as Error).message).toMatch(/may await only its own queries/);
      expect(rows).toEqual([]);
    } else {
      expect(outcome).toBe('committed');
      expect(rows).toHaveLength(1);
    }
    // The connection is free again either way.
    await expect(withTransaction(db, async (tx) => userCount(tx))).resolves.toBeGreaterThan(0);
  });
});
