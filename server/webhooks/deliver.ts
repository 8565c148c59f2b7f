// Delivering an event to a project webhook: the body is fixed once and stored with the delivery,
// each attempt signs it with the webhook's secret (X-Pipeworks-Signature: sha256=<hex HMAC-SHA256
// of the raw body>) and posts it through the SSRF guard against the allow-list as it is at that
// attempt. A failure a retry might cure is tried again with backoff, up to the delivery's
// maxAttempts; the row in webhook_deliveries is the only state, so retries survive a restart.
import { createHmac, randomUUID } from 'node:crypto';
import { and, asc, eq, lte } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { first, type AnyDb, type Tables } from '../db/any-db';
import type { WebhookDeliveryState } from '../db/schema';
import { postWebhook } from './post-webhook';
import { systemResolve, type Resolve } from './target-guard';
import { listAllowlist } from './webhook-store';

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Waits before attempts 2, 3, 4 and 5: about 40 minutes from the first attempt to the last. */
export const RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 1_800_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/**
 * How long a claimed attempt holds its delivery: longer than any attempt takes (5 s per hop, 4
 * hops), so no second process takes it meanwhile, and a process that dies mid-attempt leaves it
 * due again once the lease ends.
 */
export const LEASE_MS = 60_000;

export interface Delivery {
  id: string;
  webhookId: string;
  alertId: string | null;
  event: string;
  state: WebhookDeliveryState;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: number | null;
  createdAt: number;
  at: number;
  status: number | null;
  error: string | null;
}

export interface DeliverOptions {
  resolve?: Resolve;
  /** 1 for a test ping, whose outcome a person is waiting for; MAX_ATTEMPTS otherwise. */
  maxAttempts?: number;
  now?: () => number;
}

type DeliveryRow = Tables['webhookDeliveries']['$inferSelect'];

const view = ({ payload: _payload, ...row }: DeliveryRow): Delivery => row;

/**
 * Records the delivery as pending (claimed by this attempt) and makes its first attempt. The row is
 * written before the post is sent, so a receiver that is slow or down never loses the delivery.
 */
export async function deliverWebhook(db: AnyDb, webhookId: string, event: string, data: Record<string, unknown>, alertId: string | null, options: DeliverOptions = {}): Promise<Delivery> {
  const { webhookDeliveries, webhooks } = db.t;
  const now = options.now ?? Date.now;
  const hook = first(await db.select({ id: webhooks.id }).from(webhooks).where(eq(webhooks.id, webhookId)).limit(1));
  if (!hook) throw new UserError(`Webhook ${webhookId} was not found`, { field: 'id' });
  const id = randomUUID();
  const at = now();
  const payload = JSON.stringify({ event, delivery: id, sentAt: new Date(at).toISOString(), ...data });
  const row = { id, webhookId, alertId, event, payload, state: 'pending' as const, attempts: 0, maxAttempts: options.maxAttempts ?? MAX_ATTEMPTS, nextAttemptAt: at + LEASE_MS, createdAt: at, at, status: null, error: null };
  await db.insert(webhookDeliveries).values(row);
  return attempt(db, row, options.resolve ?? systemResolve, now);
}

/** Claims every pending delivery whose time has come and attempts it once more, oldest due first. */
export async function retryDueDeliveries(db: AnyDb, options: { resolve?: Resolve; now?: () => number; limit?: number } = {}): Promise<Delivery[]> {
  const { webhookDeliveries } = db.t;
  const now = options.now ?? Date.now;
  const due = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.state, 'pending'), lte(webhookDeliveries.nextAttemptAt, now())))
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(options.limit ?? 50);
  const done: Delivery[] = [];
  for (const row of due) {
    // Whoever moves nextAttemptAt on from the value read owns this attempt; another process skips it.
    const claimed = await db
      .update(webhookDeliveries)
      .set({ nextAttemptAt: now() + LEASE_MS })
      .where(and(eq(webhookDeliveries.id, row.id), eq(webhookDeliveries.state, 'pending'), eq(webhookDeliveries.nextAttemptAt, row.nextAttemptAt ?? -1)))
      .returning({ id: webhookDeliveries.id });
    if (claimed.length === 1) done.push(await attempt(db, row, options.resolve ?? systemResolve, now));
  }
  return done;
}

async function attempt(db: AnyDb, row: DeliveryRow, resolve: Resolve, now: () => number): Promise<Delivery> {
  const { webhookDeliveries, webhooks } = db.t;
  const hook = first(await db.select({ url: webhooks.url, secret: webhooks.secret }).from(webhooks).where(eq(webhooks.id, row.webhookId)).limit(1));
  const number = row.attempts + 1;
  let result: Awaited<ReturnType<typeof postWebhook>>;
  if (!hook) result = { status: null, error: 'The webhook was deleted', retryable: false };
  else {
    const headers = {
      'user-agent': 'Pipeworks-Webhook/1',
      'x-pipeworks-event': row.event,
      'x-pipeworks-delivery': row.id,
      'x-pipeworks-attempt': String(number),
      'x-pipeworks-signature': signature(hook.secret, row.payload),
    };
    result = await postWebhook(hook.url, row.payload, headers, { allowlist: await listAllowlist(db), resolve });
  }
  const at = now();
  const again = result.error !== null && result.retryable && number < row.maxAttempts;
  const state: WebhookDeliveryState = result.error === null ? 'delivered' : again ? 'pending' : 'failed';
  const nextAttemptAt = again ? at + RETRY_DELAYS_MS[Math.min(number - 1, RETRY_DELAYS_MS.length - 1)] : null;
  const outcome = { state, attempts: number, nextAttemptAt, at, status: result.status, error: result.error };
  await db.update(webhookDeliveries).set(outcome).where(eq(webhookDeliveries.id, row.id));
  return view({ ...row, ...outcome });
}
