import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUser, type PublicUser } from '../auth/users';
import { openTestDb, type TestDb } from '../db/test-db';
import { publicErrorData } from './errors';
import { alertsRouter } from './routers/alerts';
import { monitoringRouter } from './routers/monitoring';
import { notificationsRouter } from './routers/notifications';
import { testContext } from './test-context';
import { createCallerFactory, createTRPCRouter } from './trpc';

const callerFor = createCallerFactory(createTRPCRouter({ alerts: alertsRouter, notifications: notificationsRouter, monitoring: monitoringRouter }));

let t: TestDb;
let viewer: PublicUser;
beforeEach(async () => {
  t = openTestDb();
  viewer = await createUser(t.anyDb, { email: 'v@example.com', name: 'v', role: 'viewer', password: 'long enough password' });
});
afterEach(() => t.cleanup());

const refusal = (call: Promise<unknown>) => call.then(() => null, (e: TRPCError) => ({ code: e.code, ...publicErrorData(e) }));

describe('the page cursor of newest-first lists', () => {
  it('pages notifications of one millisecond through the router with the last row shown', async () => {
    const note = (id: string) => ({ id, userId: viewer.id, kind: 'alert', title: id, body: '', link: null, createdAt: 1000, readAt: null });
    await t.anyDb.insert(t.anyDb.t.notifications).values(['n2', 'n5', 'n1', 'n4', 'n3'].map(note));
    const caller = callerFor(testContext(t, viewer)).notifications;
    const first = await caller.list({ limit: 2 });
    const last = first[first.length - 1];
    const second = await caller.list({ limit: 10, cursor: { at: last.createdAt, id: last.id } });
    expect([...first, ...second].map((n) => n.id)).toEqual(['n5', 'n4', 'n3', 'n2', 'n1']);
  });

  it('refuses a bare timestamp (the old cursor) and a malformed cursor, naming the field', async () => {
    const caller = callerFor(testContext(t, viewer));
    for (const list of [caller.notifications.list, caller.alerts.list]) {
      expect(await refusal(list({ cursor: 1000 as never }))).toMatchObject({ code: 'BAD_REQUEST', field: 'cursor', message: expect.stringMatching(/cursor: Expected the last row shown as \{ at, id \}.*bare timestamp is no longer accepted/) });
    }
    expect(await refusal(caller.monitoring.checks({ endpointId: 'ep', cursor: 1000 as never }))).toMatchObject({ code: 'BAD_REQUEST', field: 'cursor', message: expect.stringMatching(/cursor: Expected the last row shown as \{ at, id \}/) });
    expect(await refusal(caller.notifications.list({ cursor: { at: 1000 } as never }))).toMatchObject({ code: 'BAD_REQUEST', field: 'cursor.id' });
    expect(await refusal(caller.alerts.list({ cursor: { at: 1000, id: 'a', page: 2 } as never }))).toMatchObject({ code: 'BAD_REQUEST', field: 'cursor', message: expect.stringContaining('page') });
    expect(await refusal(caller.alerts.list({ cursor: { at: -1, id: 'a' } }))).toMatchObject({ code: 'BAD_REQUEST', field: 'cursor.at' });
    // tRPC's infinite queries send direction 'forward'; these lists have no backward paging.
    expect(await caller.notifications.list({ direction: 'forward' })).toEqual([]);
    expect(await refusal(caller.alerts.list({ direction: 'backward' } as never))).toMatchObject({ code: 'BAD_REQUEST', field: 'direction', message: expect.stringContaining('forward only') });
    // The field's earlier name is an unknown key, refused by name rather than ignored (which would answer page one again).
    expect(await refusal(caller.notifications.list({ before: { at: 1000, id: 'a' } } as never))).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('"before"') });
  });
});
