// Judges an endpoint's enabled alert rules on a new check: a rule broken by each of its last
// `forWindows` checks opens an alert (the partial unique index keeps one unresolved per rule), a
// still-broken rule moves its open alert's lastCheckId on, and a check that no longer breaks it
// resolves the alert as 'recovered'. A check without the rule's figure (no labels yet, say) leaves
// the rule as it was: no data is neither a breach nor a recovery.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import { alertRules, alerts, endpoints, monitorChecks, monitorFigures, type Alert, type AlertRule, type MonitorCheck } from '../db/schema';
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

export function evaluateAlertRules(db: Db, check: MonitorCheck, now = Date.now()): RuleOutcome {
  const outcome: RuleOutcome = { opened: [], resolved: [] };
  if (check.status === 'error') return outcome;
  const rules = db.select().from(alertRules).where(and(eq(alertRules.endpointId, check.endpointId), eq(alertRules.enabled, true))).all();
  for (const rule of rules) {
    const value = figureOf(db, check.id, rule);
    if (value === null) continue;
    const open = db.select().from(alerts).where(and(eq(alerts.ruleId, rule.id), ne(alerts.state, 'resolved'))).get();
    if (breaks(rule.operator, value, rule.threshold)) {
      if (open) db.update(alerts).set({ lastCheckId: check.id }).where(eq(alerts.id, open.id)).run();
      else if (brokenByLastChecks(db, rule, check)) {
        const opened = openAlert(db, rule, check, value, now);
        if (opened) outcome.opened.push(opened);
      }
    } else if (open) {
      db.update(alerts).set({ state: 'resolved', resolvedAt: now, resolvedBy: null, resolution: 'recovered', lastCheckId: check.id }).where(eq(alerts.id, open.id)).run();
      outcome.resolved.push({ ...open, state: 'resolved', resolvedAt: now, resolution: 'recovered', lastCheckId: check.id });
    }
  }
  return outcome;
}

function figureOf(db: Db, checkId: string, rule: AlertRule): number | null {
  const row = db
    .select({ value: monitorFigures.value })
    .from(monitorFigures)
    .where(and(eq(monitorFigures.checkId, checkId), eq(monitorFigures.feature, rule.feature), eq(monitorFigures.metric, rule.metric)))
    .get();
  return row?.value ?? null;
}

/** The last `forWindows` checks that ran (errors skipped), this one included, all broke the rule. */
function brokenByLastChecks(db: Db, rule: AlertRule, check: MonitorCheck): boolean {
  if (rule.forWindows === 1) return true;
  const last = db
    .select({ id: monitorChecks.id })
    .from(monitorChecks)
    .where(and(eq(monitorChecks.endpointId, check.endpointId), inArray(monitorChecks.status, ['ok', 'drift'])))
    .orderBy(desc(monitorChecks.startedAt))
    .limit(rule.forWindows)
    .all();
  if (last.length < rule.forWindows) return false;
  return last.every((c) => {
    const value = figureOf(db, c.id, rule);
    return value !== null && breaks(rule.operator, value, rule.threshold);
  });
}

function openAlert(db: Db, rule: AlertRule, check: MonitorCheck, value: number, now: number): Alert | null {
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
  const endpointName = db.select({ name: endpoints.name }).from(endpoints).where(eq(endpoints.id, rule.endpointId)).get()?.name ?? rule.endpointId;
  const inserted = db.transaction((tx) => {
    // Another process that judged the same rule first holds the one unresolved alert: not ours to open.
    const done = tx.insert(alerts).values(alert).onConflictDoNothing().run();
    if (done.changes === 0) return false;
    notifyProjectReaders(
      tx,
      { kind: 'alert', title: `${rule.severity === 'critical' ? 'Critical: ' : ''}${rule.name} on ${endpointName}`, body: `${alert.message} (rule: ${ruleText(rule)})`, link: alertLink(endpointName) },
      now,
    );
    return true;
  });
  return inserted ? alert : null;
}
