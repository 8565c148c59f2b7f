// Webhook deliveries after the first attempt, against a real local HTTP receiver: an alert's whole
// life is posted (opened, acknowledged, resolved by a person or by a check that recovered); a
// failure a retry might cure is retried with backoff from the row alone (a second database
// connection stands in for a restarted studio), the same signed body each time, through the SSRF
// guard again at every attempt, until delivered or the attempts run out.
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { first as firstRow } from '../../server/db/any-db';
import { runMonitorCheck } from '../../server/monitoring/run-check';
import { logPredictions, noServing } from '../../server/monitoring/test-kit';
import { deliverWebhook, LEASE_MS, MAX_ATTEMPTS, RETRY_DELAYS_MS, retryDueDeliveries } from '../../server/webhooks/deliver';
import { expectSigned, ruleToWebhook, useReceiver, useStudio } from './helpers/webhook-fixtures';

/** What /flaky answers next; the test changes it. */
let flaky = 503;
const receiver = useReceiver((req, res) => {
  if (req.url === '/hook') res.writeHead(200).end();
  else if (req.url === '/flaky') res.writeHead(flaky).end();
  else if (req.url === '/gone') res.writeHead(410).end();
  else res.writeHead(503).end();
});
const { received } = receiver;

const studio = useStudio();
let allowId: string;
beforeEach(async () => {
  flaky = 503;
  allowId = (await studio.caller('admin').webhooks.allowlist.add({ origin: receiver.origin(), allowPrivate: true })).id;
});

const hookTo = async (path: string) => (await studio.caller('scientist').webhooks.create({ projectId: 'p1', name: `to ${path}`, url: `${receiver.origin()}${path}` })).webhook;
const T = 1_900_000_000_000;
const at = (ms: number) => () => ms;

describe('webhook retries', () => {
  it('retries a failing receiver with backoff after a restart, the same signed body each time, until delivered', async () => {
    const hook = await hookTo('/flaky');
    const first = await deliverWebhook(studio.t.anyDb, hook.id, 'alert.opened', { n: 1 }, null, { now: at(T) });
    expect(first).toMatchObject({ state: 'pending', attempts: 1, maxAttempts: MAX_ATTEMPTS, status: 503, error: `${receiver.origin()} answered 503`, nextAttemptAt: T + RETRY_DELAYS_MS[0] });
    expect(await retryDueDeliveries(studio.t.anyDb, { now: at(T + RETRY_DELAYS_MS[0] - 1) })).toEqual([]);

    // A restarted studio knows the delivery from its row only.
    const restarted = await studio.t.reopen();
    try {
      const second = T + RETRY_DELAYS_MS[0];
      expect(await retryDueDeliveries(restarted.anyDb, { now: at(second) })).toMatchObject([{ id: first.id, state: 'pending', attempts: 2, nextAttemptAt: second + RETRY_DELAYS_MS[1] }]);
      flaky = 204;
      expect(await retryDueDeliveries(restarted.anyDb, { now: at(second + RETRY_DELAYS_MS[1]) })).toMatchObject([{ id: first.id, state: 'delivered', attempts: 3, status: 204, error: null, nextAttemptAt: null }]);
      expect(await retryDueDeliveries(restarted.anyDb, { now: at(T + 10 * 3_600_000) })).toEqual([]);
    } finally {
      await restarted.close();
    }
    expect(received.map((r) => r.headers['x-pipeworks-attempt'])).toEqual(['1', '2', '3']);
    expect(new Set(received.map((r) => r.headers['x-pipeworks-delivery']))).toEqual(new Set([first.id]));
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    const { webhooks } = studio.t.anyDb.t;
    const { secret } = firstRow(await studio.t.anyDb.select({ secret: webhooks.secret }).from(webhooks).where(eq(webhooks.id, hook.id)).limit(1))!;
    for (const r of received) expectSigned(r, secret);
    expect(await studio.caller('scientist').webhooks.deliveries({ webhookId: hook.id })).toEqual([
      expect.objectContaining({ id: first.id, event: 'alert.opened', state: 'delivered', attempts: 3, createdAt: T }),
    ]);
  });

  it('gives up after the last attempt, at once on an answer a retry cannot change, and when the guard refuses a later attempt', async () => {
    const down = await deliverWebhook(studio.t.anyDb, (await hookTo('/down')).id, 'alert.opened', {}, null, { now: at(T) });
    let now = T;
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now += RETRY_DELAYS_MS[attempt - 2];
      const [retried] = await retryDueDeliveries(studio.t.anyDb, { now: at(now) });
      expect(retried).toMatchObject({ id: down.id, attempts: attempt, state: attempt === MAX_ATTEMPTS ? 'failed' : 'pending' });
    }
    expect(await retryDueDeliveries(studio.t.anyDb, { now: at(now + 86_400_000) })).toEqual([]);
    expect(received.filter((r) => r.url === '/down')).toHaveLength(MAX_ATTEMPTS);

    expect(await deliverWebhook(studio.t.anyDb, (await hookTo('/gone')).id, 'alert.opened', {}, null, { now: at(T) })).toMatchObject({ state: 'failed', attempts: 1, status: 410, nextAttemptAt: null });

    // Pending, then an admin takes the origin off the allow-list: the retry is refused, nothing is sent.
    const flakyHook = await hookTo('/flaky');
    const pending = await deliverWebhook(studio.t.anyDb, flakyHook.id, 'alert.opened', {}, null, { now: at(T) });
    expect(pending.state).toBe('pending');
    await studio.caller('admin').webhooks.allowlist.remove({ id: allowId });
    const sent = received.length;
    expect(await retryDueDeliveries(studio.t.anyDb, { now: at(T + RETRY_DELAYS_MS[0]) })).toMatchObject([
      { id: pending.id, state: 'failed', attempts: 2, status: null, error: `Refused: ${receiver.origin()} is not on the webhook allow-list; an admin can add it` },
    ]);
    expect(received).toHaveLength(sent);
  });

  it('claims each attempt once, and takes back one a dead process held once its lease ends', async () => {
    const hook = await hookTo('/down');
    const first = await deliverWebhook(studio.t.anyDb, hook.id, 'alert.opened', {}, null, { now: at(T) });
    const due = T + RETRY_DELAYS_MS[0];
    const [a, b] = await Promise.all([retryDueDeliveries(studio.t.anyDb, { now: at(due) }), retryDueDeliveries(studio.t.anyDb, { now: at(due) })]);
    expect([...a, ...b]).toHaveLength(1);
    // A process claimed attempt 3 and died: its lease moved nextAttemptAt on, and when that passes, the attempt is due again.
    const next = due + RETRY_DELAYS_MS[1];
    const { webhookDeliveries } = studio.t.anyDb.t;
    await studio.t.anyDb.update(webhookDeliveries).set({ nextAttemptAt: next + LEASE_MS }).where(eq(webhookDeliveries.id, first.id));
    expect(await retryDueDeliveries(studio.t.anyDb, { now: at(next) })).toEqual([]);
    expect(await retryDueDeliveries(studio.t.anyDb, { now: at(next + LEASE_MS) })).toMatchObject([{ id: first.id, attempts: 3 }]);
  });

  it('posts an alert opened, acknowledged and resolved by a person, and resolved by a check that recovered', async () => {
    const hook = await hookTo('/hook');
    const editor = studio.caller('scientist');
    const versionId = await ruleToWebhook(studio, hook.id);
    let clock = Date.now();
    const check = async (shift: number) => {
      clock += 60_000;
      await logPredictions(studio.t.anyDb, versionId, 50, shift, clock);
      return runMonitorCheck(studio.t.anyDb, 'ep', { trigger: 'manual', userId: null, dataDir: studio.t.dir, now: clock, fetchStats: noServing });
    };
    const [alert] = (await check(2)).alerts.opened;
    await editor.alerts.acknowledge({ id: alert.id });
    await editor.alerts.resolve({ id: alert.id, comment: 'retrained on new data' });
    // The person's click did not wait for the receiver; the deliveries land soon after.
    await vi.waitFor(() => expect(received.map((r) => r.headers['x-pipeworks-event'])).toEqual(['alert.opened', 'alert.acknowledged', 'alert.resolved']));
    const [, acked, resolved] = received.map((r) => JSON.parse(r.body));
    expect(acked.alert).toMatchObject({ id: alert.id, state: 'acknowledged', acknowledgedBy: 'Sam', resolvedAt: null });
    expect(resolved.alert).toMatchObject({ id: alert.id, state: 'resolved', resolvedBy: 'Sam', resolution: 'retrained on new data' });
    expect(resolved.link).toBe('/monitoring/m-live#alerts');

    const [again] = (await check(2)).alerts.opened;
    const recovered = await check(0);
    expect(recovered.deliveries).toMatchObject([{ alertId: again.id, event: 'alert.resolved', state: 'delivered' }]);
    expect(JSON.parse(received.at(-1)!.body).alert).toMatchObject({ id: again.id, state: 'resolved', resolvedBy: null, resolution: 'recovered' });
  });
});
