// Newest-first lists paged with a (time, id) cursor on both databases: alerts one check opens
// together, the notifications one alert sends, and a scheduled and a manual check of one endpoint
// share a millisecond; a page that ends inside such a group must go on with the rest of it, so
// every row is shown exactly once.
import { expect, it } from 'vitest';
import { listAlerts } from '../../server/alerts/alert-actions';
import { listNotifications } from '../../server/alerts/notifications';
import { listChecks } from '../../server/monitoring/check-queries';
import { listDeliveries } from '../../server/webhooks/webhook-store';
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

async function seedChecks(db: AnyDb, endpointId: string, versionId: string) {
  // The group is checks of every trigger started in one millisecond (the scheduler's and people's).
  const check = (id: string, startedAt: number, i: number) => ({ id, endpointId, versionId, trigger: i % 2 === 0 ? ('schedule' as const) : ('manual' as const), status: 'ok' as const, rows: 1, labelledRows: 0, detail: { features: {} }, startedAt, finishedAt: startedAt + 10, createdBy: null });
  await db.insert(db.t.monitorChecks).values([check('newest', T + 1000, 0), ...GROUP.map((id, i) => check(id, T, i)), check('oldest', T - 1000, 0)]);
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

  it('pages checks started together, four at a time, showing each exactly once', async () => {
    const { db } = under;
    await seedBase(db);
    const { endpointId, versionId } = await seedModel(db, 'checks', { at: T - 5000 });
    await seedChecks(db, endpointId, versionId);
    const pages = await allPages((before) => listChecks(db, endpointId, 4, before), (c) => c.startedAt, 4);
    expect(pages).toEqual([
      ['newest', 'g-9', 'g-8', 'g-7'],
      ['g-4', 'g-3', 'g-2', 'g-1'],
      ['oldest'],
    ]);
    expect((await allPages((before) => listChecks(db, endpointId, 1, before), (c) => c.startedAt, 1)).flat()).toEqual(expected);
  });

  it('lists deliveries made in one millisecond by id, newest first', async () => {
    const { db } = under;
    await seedBase(db);
    await db.insert(db.t.webhooks).values({ id: 'w', projectId: 'p1', name: 'ops', url: 'http://127.0.0.1/hook', secret: 'whsec_x', createdBy: null, createdAt: T });
    await db.insert(db.t.webhookDeliveries).values(GROUP.map((id) => ({ id, webhookId: 'w', event: 'ping', createdAt: T, at: T })));
    expect((await listDeliveries(db, 'w', 10)).map((d) => d.id)).toEqual([...GROUP].sort().reverse());
  });
});
