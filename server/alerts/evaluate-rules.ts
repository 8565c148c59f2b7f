// Judges an endpoint's enabled alert rules on a new check: a rule broken by each of its last
// `forWindows` checks opens an alert (the partial unique index keeps one unresolved per rule), a
// still-broken rule moves its open alert's lastCheckId on, and a check that no longer breaks it
// resolves the alert as 'recovered'. A check without the rule's figure (no labels yet, say) leaves
// the rule as it was: no data is neither a breach nor a recovery.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { first, type AnyDb } from '../db/any-db';
import type { Alert, AlertRule, MonitorCheck } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { notifyProjectReaders } from './notifications';
import { breaks } from '../../engine/alert-operators';
import { ruleText } from './rule-text';

export interface RuleOutcome {
  opened: Alert[];
  resolved: Alert[];
}

/**
 * The studio page an alert's notification and webhook link to: the endpoint's monitoring page,
 * where the alert sits in its timeline beside the figures that broke the rule. Endpoint names are
 * unique and never change, so the link stays good.
 */
export const alertLink = (endpointName: string) => `/monitoring/${encodeURIComponent(endpointName)}#alerts`;

const fmt = (v: number) => Number(v.toPrecision(4)).toString();

export async function evaluateAlertRules(db: AnyDb, check: MonitorCheck, now = Date.now()): Promise<RuleOutcome> {
  const { alertRules, alerts } = db.t;
  const outcome: RuleOutcome = { opened: [], resolved: [] };
  if (check.status === 'error') return outcome;
  const rules = await db.select().from(alertRules).where(and(eq(alertRules.endpointId, check.endpointId), eq(alertRules.enabled, true)));
  for (const rule of rules) {
    const value = await figureOf(db, check.id, rule);
    if (value === null) continue;
    const open = first(await db.select().from(alerts).where(and(eq(alerts.ruleId, rule.id), ne(alerts.state, 'resolved'))).limit(1));
    if (breaks(rule.operator, value, rule.threshold)) {
      if (open) await db.update(alerts).set({ lastCheckId: check.id }).where(eq(alerts.id, open.id));
      else if (await brokenByLastChecks(db, rule, check)) {
        const opened = await openAlert(db, rule, check, value, now);
        if (opened) outcome.opened.push(opened);
      }
    } else if (open) {
      await db.update(alerts).set({ state: 'resolved', resolvedAt: now, resolvedBy: null, resolution: 'recovered', lastCheckId: check.id }).where(eq(alerts.id, open.id));
      outcome.resolved.push({ ...open, state: 'resolved', resolvedAt: now, resolution: 'recovered', lastCheckId: check.id });
    }
  }
  return outcome;
}

async function figureOf(db: AnyDb, checkId: string, rule: AlertRule): Promise<number | null> {
  const { monitorFigures } = db.t;
  const row = first(
    await db
      .select({ value: monitorFigures.value })
      .from(monitorFigures)
      .where(and(eq(monitorFigures.checkId, checkId), eq(monitorFigures.feature, rule.feature), eq(monitorFigures.metric, rule.metric)))
      .limit(1),
  );
  return row?.value ?? null;
}

/** The last `forWindows` checks that ran (errors skipped), this one included, all broke the rule. */
async function brokenByLastChecks(db: AnyDb, rule: AlertRule, check: MonitorCheck): Promise<boolean> {
  if (rule.forWindows === 1) return true;
  const { monitorChecks } = db.t;
  const last = await db
    .select({ id: monitorChecks.id })
    .from(monitorChecks)
    .where(and(eq(monitorChecks.endpointId, check.endpointId), inArray(monitorChecks.status, ['ok', 'drift'])))
    .orderBy(desc(monitorChecks.startedAt))
    .limit(rule.forWindows);
  if (last.length < rule.forWindows) return false;
  for (const c of last) {
    const value = await figureOf(db, c.id, rule);
    if (value === null || !breaks(rule.operator, value, rule.threshold)) return false;
  }
  return true;
}

async function openAlert(db: AnyDb, rule: AlertRule, check: MonitorCheck, value: number, now: number): Promise<Alert | null> {
  const subject = rule.feature === '' ? rule.metric : `${rule.metric}(${rule.feature})`;
  const windows = rule.forWindows > 1 ? ` for ${rule.forWindows} windows` : '';
  const alert: Alert = {
    id: randomUUID(),
    ruleId: rule.id,
    endpointId: rule.endpointId,
    state: 'open',
    severity: rule.severity,
    message: `${subject} = ${fmt(value)} ${rule.operator} ${rule.threshold}${windows}`,
    value,
    checkId: check.id,
    openedAt: now,
    lastCheckId: check.id,
    acknowledgedBy: null,
    acknowledgedAt: null,
    resolvedBy: null,
    resolvedAt: null,
    resolution: null,
  };
  const { endpoints } = db.t;
  const endpointName = first(await db.select({ name: endpoints.name }).from(endpoints).where(eq(endpoints.id, rule.endpointId)).limit(1))?.name ?? rule.endpointId;
  const inserted = await withTransaction(db, async (tx) => {
    // Another process that judged the same rule first holds the one unresolved alert: not ours to open.
    const done = await tx.insert(tx.t.alerts).values(alert).onConflictDoNothing().returning({ id: tx.t.alerts.id });
    if (done.length === 0) return false;
    await notifyProjectReaders(
      tx,
      { kind: 'alert', title: `${rule.severity === 'critical' ? 'Critical: ' : ''}${rule.name} on ${endpointName}`, body: `${alert.message} (rule: ${ruleText(rule)})`, link: alertLink(endpointName) },
      now,
    );
    return true;
  });
  return inserted ? alert : null;
}
