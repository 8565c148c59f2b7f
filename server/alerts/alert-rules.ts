// Alert rules of an endpoint: create, change, delete, list. A rule's metric and feature are checked
// against the endpoint's live version; its webhook must belong to the endpoint's project.
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import type { Db } from '../db/client';
import { alertRules, endpoints, webhooks, type AlertRule, type AlertSeverity } from '../db/schema';
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

function endpointOf(db: Db, endpointId: string) {
  const endpoint = db.select({ id: endpoints.id, projectId: endpoints.projectId }).from(endpoints).where(eq(endpoints.id, endpointId)).get();
  if (!endpoint) throw new UserError(`Endpoint ${endpointId} was not found`, { field: 'endpointId' });
  return endpoint;
}

function checkFields(db: Db, dataDir: string, endpointId: string, fields: RuleFields): void {
  const endpoint = endpointOf(db, endpointId);
  checkRuleNames(db, dataDir, endpointId, fields);
  if (fields.webhookId !== null) {
    const hook = db.select({ projectId: webhooks.projectId }).from(webhooks).where(eq(webhooks.id, fields.webhookId)).get();
    if (!hook || hook.projectId !== endpoint.projectId) throw new UserError(`Webhook ${fields.webhookId} is not a webhook of this endpoint's project`, { field: 'webhookId' });
  }
}

export function listRules(db: Db, endpointId: string): RuleView[] {
  return db.select().from(alertRules).where(eq(alertRules.endpointId, endpointId)).orderBy(asc(alertRules.createdAt)).all().map(view);
}

export function getRule(db: Db, ruleId: string): RuleView {
  const rule = db.select().from(alertRules).where(eq(alertRules.id, ruleId)).get();
  if (!rule) throw new UserError(`Alert rule ${ruleId} was not found`, { field: 'id' });
  return view(rule);
}

export function createRule(db: Db, dataDir: string, endpointId: string, fields: RuleFields, userId: string | null, now = Date.now()): RuleView {
  checkFields(db, dataDir, endpointId, fields);
  const rule: AlertRule = { id: randomUUID(), endpointId, ...fields, createdBy: userId, createdAt: now, updatedAt: now };
  db.insert(alertRules).values(rule).run();
  return view(rule);
}

export function updateRule(db: Db, dataDir: string, ruleId: string, fields: RuleFields, now = Date.now()): RuleView {
  const before = getRule(db, ruleId);
  checkFields(db, dataDir, before.endpointId, fields);
  db.update(alertRules).set({ ...fields, updatedAt: now }).where(eq(alertRules.id, ruleId)).run();
  return getRule(db, ruleId);
}

export function setRuleEnabled(db: Db, dataDir: string, ruleId: string, enabled: boolean, now = Date.now()): RuleView {
  const before = getRule(db, ruleId);
  if (enabled && !before.enabled) checkRuleNames(db, dataDir, before.endpointId, before);
  db.update(alertRules).set({ enabled, updatedAt: now }).where(eq(alertRules.id, ruleId)).run();
  return getRule(db, ruleId);
}

/** Deleting a rule deletes its alerts too, and the retrain triggers that follow it (the foreign keys cascade). */
export function deleteRule(db: Db, ruleId: string): RuleView {
  const before = getRule(db, ruleId);
  db.delete(alertRules).where(eq(alertRules.id, ruleId)).run();
  return before;
}
