// What people do with alerts: list them, acknowledge an open one, resolve one with a comment.
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import type { Db } from '../db/client';
import { alertRules, alerts, endpoints, type Alert, type AlertState } from '../db/schema';

export interface AlertQuery {
  endpointId?: string;
  projectId?: string;
  states?: AlertState[];
  before?: number;
  limit: number;
}

export function listAlerts(db: Db, q: AlertQuery) {
  return db
    .select({ alert: alerts, ruleName: alertRules.name, endpointName: endpoints.name, projectId: endpoints.projectId })
    .from(alerts)
    .innerJoin(alertRules, eq(alertRules.id, alerts.ruleId))
    .innerJoin(endpoints, eq(endpoints.id, alerts.endpointId))
    .where(
      and(
        q.endpointId === undefined ? undefined : eq(alerts.endpointId, q.endpointId),
        q.projectId === undefined ? undefined : eq(endpoints.projectId, q.projectId),
        q.states === undefined ? undefined : inArray(alerts.state, q.states),
        q.before === undefined ? undefined : lt(alerts.openedAt, q.before),
      ),
    )
    .orderBy(desc(alerts.openedAt))
    .limit(q.limit)
    .all()
    .map((r) => ({ ...r.alert, ruleName: r.ruleName, endpointName: r.endpointName, projectId: r.projectId }));
}

function getAlert(db: Db, alertId: string): Alert {
  const alert = db.select().from(alerts).where(eq(alerts.id, alertId)).get();
  if (!alert) throw new UserError(`Alert ${alertId} was not found`, { field: 'id' });
  return alert;
}

export function acknowledgeAlert(db: Db, alertId: string, userId: string, now = Date.now()): Alert {
  const alert = getAlert(db, alertId);
  if (alert.state !== 'open') throw new UserError(`Alert ${alertId} is ${alert.state}; only an open alert can be acknowledged`);
  db.update(alerts).set({ state: 'acknowledged', acknowledgedBy: userId, acknowledgedAt: now }).where(and(eq(alerts.id, alertId), eq(alerts.state, 'open'))).run();
  return getAlert(db, alertId);
}

export function resolveAlert(db: Db, alertId: string, userId: string, comment: string, now = Date.now()): Alert {
  const alert = getAlert(db, alertId);
  if (alert.state === 'resolved') throw new UserError(`Alert ${alertId} is already resolved (${alert.resolution ?? 'no comment'})`);
  db.update(alerts).set({ state: 'resolved', resolvedBy: userId, resolvedAt: now, resolution: comment }).where(eq(alerts.id, alertId)).run();
  return getAlert(db, alertId);
}
