// One delivery of an event to a project webhook: signed with the webhook's secret
// (X-Pipeworks-Signature: sha256=<hex HMAC-SHA256 of the raw body>), posted through the SSRF guard,
// and recorded in webhook_deliveries whatever happened.
import { createHmac, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import type { Db } from '../db/client';
import { webhookDeliveries, webhooks } from '../db/schema';
import { postWebhook } from './post-webhook';
import { systemResolve, type Resolve } from './target-guard';
import { listAllowlist } from './webhook-store';

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface Delivery {
  id: string;
  webhookId: string;
  alertId: string | null;
  at: number;
  status: number | null;
  error: string | null;
}

export async function deliverWebhook(db: Db, webhookId: string, event: string, data: Record<string, unknown>, alertId: string | null, resolve: Resolve = systemResolve): Promise<Delivery> {
  const hook = db.select().from(webhooks).where(eq(webhooks.id, webhookId)).get();
  if (!hook) throw new UserError(`Webhook ${webhookId} was not found`, { field: 'id' });
  const id = randomUUID();
  const body = JSON.stringify({ event, delivery: id, sentAt: new Date().toISOString(), ...data });
  const headers = { 'user-agent': 'Pipeworks-Webhook/1', 'x-pipeworks-event': event, 'x-pipeworks-delivery': id, 'x-pipeworks-signature': signature(hook.secret, body) };
  const result = await postWebhook(hook.url, body, headers, { allowlist: listAllowlist(db), resolve });
  const delivery: Delivery = { id, webhookId, alertId, at: Date.now(), status: result.status, error: result.error };
  db.insert(webhookDeliveries).values(delivery).run();
  return delivery;
}
