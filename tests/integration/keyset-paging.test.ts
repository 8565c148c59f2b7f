// Newest-first lists paged with a (time, id) cursor on both databases: alerts one check opens
// together, and the notifications one alert sends, share a millisecond; a page that ends inside
// such a group must go on with the rest of it, so every row is shown exactly once.
import { expect, it } from 'vitest';
import { listAlerts } from '../../server/alerts/alert-actions';
import { listNotifications } from '../../server/alerts/notifications';
import type { AnyDb } from '../../server/db/any-db';
import type { PageCursor } from '../../server/db/keyset';
import { seedBase, seedModel } from './helpers/dashboard-models';
import { describeEachDatabase } from './helpers/each-database';

const T = 1_800_000_000_000;

/** Every page of `list`, `size` at a time, following the cursor of each page's last row. */
async function allPages<R extends { id: string }>(list: (before: PageCursor | undefined) => Promise<R[]>, at: (row: R) => number, size: number): Promise<string[][]> {
  const pages: string[][] = [];
  let before: PageCursor | undefined;
  for (;;) {
    const rows = await list(before);
    if (rows.length === 0) return pages;
    expect(rows.length).toBeLessThanOrEqual(size);
    pages.push(rows.map((r) => r.id));
    const last = rows[rows.length - 1];
    before = { at: at(last), id: last.id };
  }
}

// Ids out of insertion order, so neither database can pass by returning rows as written.
const GROUP = ['g-3', 'g-7', 'g-1', 'g-9', 'g-4', 'g-2', 'g-8'];

async function seedAlerts(db: AnyDb, endpointId: string) {
  // One open alert per rule, so the group opened by one check is one alert of each of seven rules.
  const ids = ['newest', ...GROUP, 'oldest'];
  await db.insert(db.t.alertRules).values(ids.map((id) => ({ id: `r-${id}`, endpointId, name: id, metric: 'latency_p99', feature: '', operator: '>' as const, threshold: 100, createdAt: T, updatedAt: T })));
  const alert = (id: string, openedAt: number) => ({ id, ruleId: `r-${id}`, endpointId, state: 'open' as const, severity: 'warning' as const, message: id, value: 150, openedAt });
  // One newer alert, a group of seven opened by one check, one older alert.
  await db.insert(db.t.alerts).values([alert('newest', T + 1000), ...GROUP.map((id) => alert(id, T)), alert('oldest', T - 1000)]);
}

async function seedNotifications(db: AnyDb) {
  const note = (id: string, createdAt: number) => ({ id, userId: 'seeder', kind: 'alert', title: id, body: '', link: null, createdAt, readAt: null });
  await db.insert(db.t.notifications).values([note('newest', T + 1000), ...GROUP.map((id) => note(id, T)), note('oldest', T - 1000)]);
}

const expected = ['newest', ...[...GROUP].sort().reverse(), 'oldest'];

describeEachDatabase('keyset paging over rows of one millisecond', (under) => {
  it('pages alerts opened together, three at a time, showing each exactly once in (openedAt, id) order', async () => {
    const { db } = under;
    await seedBase(db);
    const { endpointId } = await seedModel(db, 'paging', { at: T - 5000 });
    await seedAlerts(db, endpointId);
    const pages = await allPages((before) => listAlerts(db, { endpointId, before, limit: 3 }), (a) => a.openedAt, 3);
    expect(pages).toEqual([
      ['newest', 'g-9', 'g-8'],
      ['g-7', 'g-4', 'g-3'],
      ['g-2', 'g-1', 'oldest'],
    ]);
    expect(pages.flat()).toEqual(expected);
    // A page size of one walks the group one alert at a time.
    expect((await allPages((before) => listAlerts(db, { endpointId, before, limit: 1 }), (a) => a.openedAt, 1)).flat()).toEqual(expected);
  });

  it('pages notifications sent together, two at a time, showing each exactly once', async () => {
    const { db } = under;
    await seedBase(db);
    await seedNotifications(db);
    const pages = await allPages((before) => listNotifications(db, 'seeder', 2, before), (n) => n.createdAt, 2);
    expect(pages.flat()).toEqual(expected);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 2, 1]);
  });
});
