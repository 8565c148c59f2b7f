// Alert rules of an endpoint: create, change, delete, list. A rule's metric and feature are checked
// against the endpoint's live version; its webhook must belong to the endpoint's project.
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { first, type AnyDb } from '../db/any-db';
import type { AlertRule, AlertSeverity } from '../db/schema';
import { ruleText, type RuleCondition } from './rule-text';
import { checkRuleNames } from './rule-vocabulary';

export interface RuleFields extends RuleCondition {
  name: string;
  severity: AlertSeverity;
  webhookId: string | null;
  enabled: boolean;
}

export type RuleView = AlertRule & { text: string };

const view = (rule: AlertRule): RuleView => ({ ...rule, text: ruleText(rule) });

async function endpointOf(db: AnyDb, endpointId: string) {
  const { endpoints } = db.t;
  const endpoint = first(await db.select({ id: endpoints.id, projectId: endpoints.projectId }).from(endpoints).where(eq(endpoints.id, endpointId)).limit(1));
  if (!endpoint) throw new UserError(`Endpoint ${endpointId} was not found`, { field: 'endpointId' });
  return endpoint;
}

async function checkFields(db: AnyDb, dataDir: string, endpointId: string, fields: RuleFields): Promise<void> {
  const { webhooks } = db.t;
  const endpoint = await endpointOf(db, endpointId);
  await checkRuleNames(db, dataDir, endpointId, fields);
  if (fields.webhookId !== null) {
    const hook = first(await db.select({ projectId: webhooks.projectId }).from(webhooks).where(eq(webhooks.id, fields.webhookId)).limit(1));
    if (!hook || hook.projectId !== endpoint.projectId) throw new UserError(`Webhook ${fields.webhookId} is not a webhook of this endpoint's project`, { field: 'webhookId' });
  }
}

export async function listRules(db: AnyDb, endpointId: string): Promise<RuleView[]> {
  const { alertRules } = db.t;
  return (await db.select().from(alertRules).where(eq(alertRules.endpointId, endpointId)).orderBy(asc(alertRules.createdAt), asc(alertRules.id))).map(view);
}

export async function getRule(db: AnyDb, ruleId: string): Promise<RuleView> {
  const { alertRules } = db.t;
  const rule = first(await db.select().from(alertRules).where(eq(alertRules.id, ruleId)).limit(1));
  if (!rule) throw new UserError(`Alert rule ${ruleId} was not found`, { field: 'id' });
  return view(rule);
}

export async function createRule(db: AnyDb, dataDir: string, endpointId: string, fields: RuleFields, userId: string | null, now = Date.now()): Promise<RuleView> {
  await checkFields(db, dataDir, endpointId, fields);
  const rule: AlertRule = { id: randomUUID(), endpointId, ...fields, createdBy: userId, createdAt: now, updatedAt: now };
  await db.insert(db.t.alertRules).values(rule);
  return view(rule);
}

export async function updateRule(db: AnyDb, dataDir: string, ruleId: string, fields: RuleFields, now = Date.now()): Promise<RuleView> {
  const before = await getRule(db, ruleId);
  await checkFields(db, dataDir, before.endpointId, fields);
  await db.update(db.t.alertRules).set({ ...fields, updatedAt: now }).where(eq(db.t.alertRules.id, ruleId));
  return getRule(db, ruleId);
}

export async function setRuleEnabled(db: AnyDb, dataDir: string, ruleId: string, enabled: boolean, now = Date.now()): Promise<RuleView> {
  const before = await getRule(db, ruleId);
  if (enabled && !before.enabled) await checkRuleNames(db, dataDir, before.endpointId, before);
  await db.update(db.t.alertRules).set({ enabled, updatedAt: now }).where(eq(db.t.alertRules.id, ruleId));
  return getRule(db, ruleId);
}

/** Deleting a rule deletes its alerts too, and the retrain triggers that follow it (the foreign keys cascade). */
export async function deleteRule(db: AnyDb, ruleId: string): Promise<RuleView> {
  const before = await getRule(db, ruleId);
  await db.delete(db.t.alertRules).where(eq(db.t.alertRules.id, ruleId));
  return before;
}
