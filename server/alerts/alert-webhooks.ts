// Posts an alert's changes to its rule's webhook, if the rule has one: opened, acknowledged and
// resolved (by a person, or by a check that recovered). Every delivery is recorded in
// webhook_deliveries and retried with backoff when a retry might help (server/webhooks/deliver.ts).
import { eq, inArray } from 'drizzle-orm';
import { first, type AnyDb } from '../db/any-db';
import type { Alert } from '../db/schema';
import { deliverWebhook, type Delivery } from '../webhooks/deliver';
import type { Resolve } from '../webhooks/target-guard';
import { alertLink } from './evaluate-rules';
import { ruleText } from './rule-text';

export const ALERT_EVENTS = ['alert.opened', 'alert.acknowledged', 'alert.resolved'] as const;
export type AlertEvent = (typeof ALERT_EVENTS)[number];

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function postAlertWebhooks(db: AnyDb, changed: readonly Alert[], event: AlertEvent, resolve?: Resolve): Promise<Delivery[]> {
  const { alertRules, endpoints, users } = db.t;
  const deliveries: Delivery[] = [];
  for (const alert of changed) {
    const rule = first(await db.select().from(alertRules).where(eq(alertRules.id, alert.ruleId)).limit(1));
    if (!rule?.webhookId) continue;
    const endpoint = first(await db.select({ id: endpoints.id, name: endpoints.name, projectId: endpoints.projectId }).from(endpoints).where(eq(endpoints.id, alert.endpointId)).limit(1));
    const ids = [alert.acknowledgedBy, alert.resolvedBy].filter((u): u is string => u !== null);
    const people = new Map(ids.length === 0 ? [] : (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))).map((u) => [u.id, u.name]));
    const data = {
      alert: {
        id: alert.id,
        state: alert.state,
        severity: alert.severity,
        message: alert.message,
        value: alert.value,
        openedAt: iso(alert.openedAt),
        checkId: alert.checkId,
        acknowledgedAt: iso(alert.acknowledgedAt),
        acknowledgedBy: alert.acknowledgedBy ? (people.get(alert.acknowledgedBy) ?? null) : null,
        resolvedAt: iso(alert.resolvedAt),
        /** null when a check resolved it (resolution 'recovered'). */
        resolvedBy: alert.resolvedBy ? (people.get(alert.resolvedBy) ?? null) : null,
        resolution: alert.resolution,
      },
      rule: { id: rule.id, name: rule.name, text: ruleText(rule) },
      endpoint,
      link: alertLink(endpoint?.name ?? alert.endpointId),
    };
    deliveries.push(await deliverWebhook(db, rule.webhookId, event, data, alert.id, { resolve }));
  }
  return deliveries;
}
