// Posts each newly opened alert to its rule's webhook, if the rule has one. Every attempt is
// recorded as a webhook delivery (refusals and failures included); none is retried.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { alertRules, endpoints, type Alert } from '../db/schema';
import { deliverWebhook, type Delivery } from '../webhooks/deliver';
import type { Resolve } from '../webhooks/target-guard';
import { alertLink } from './evaluate-rules';
import { ruleText } from './rule-text';

export async function postAlertWebhooks(db: Db, opened: readonly Alert[], resolve?: Resolve): Promise<Delivery[]> {
  const deliveries: Delivery[] = [];
  for (const alert of opened) {
    const rule = db.select().from(alertRules).where(eq(alertRules.id, alert.ruleId)).get();
    if (!rule?.webhookId) continue;
    const endpoint = db.select({ id: endpoints.id, name: endpoints.name, projectId: endpoints.projectId }).from(endpoints).where(eq(endpoints.id, alert.endpointId)).get();
    const data = {
      alert: { id: alert.id, state: alert.state, severity: alert.severity, message: alert.message, value: alert.value, openedAt: new Date(alert.openedAt).toISOString(), checkId: alert.checkId },
      rule: { id: rule.id, name: rule.name, text: ruleText(rule) },
      endpoint,
      link: alertLink(endpoint?.name ?? alert.endpointId),
    };
    deliveries.push(await deliverWebhook(db, rule.webhookId, 'alert.opened', data, alert.id, resolve));
  }
  return deliveries;
}
