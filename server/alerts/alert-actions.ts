// What people do with alerts: list them, acknowledge an open one, resolve one with a comment.
import { and, eq, inArray } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { first, type AnyDb } from '../db/any-db';
import { newestFirst, olderThan, type PageCursor } from '../db/keyset';
import type { Alert, AlertState } from '../db/schema';

export interface AlertQuery {
  endpointId?: string;
  projectId?: string;
  states?: AlertState[];
  /** The last alert of the previous page: its openedAt and id. */
  before?: PageCursor;
  limit: number;
}

export async function listAlerts(db: AnyDb, q: AlertQuery) {
  const { alertRules, alerts, endpoints } = db.t;
  const rows = await db
    .select({ alert: alerts, ruleName: alertRules.name, endpointName: endpoints.name, projectId: endpoints.projectId })
    .from(alerts)
    .innerJoin(alertRules, eq(alertRules.id, alerts.ruleId))
    .innerJoin(endpoints, eq(endpoints.id, alerts.endpointId))
    .where(
      and(
        q.endpointId === undefined ? undefined : eq(alerts.endpointId, q.endpointId),
        q.projectId === undefined ? undefined : eq(endpoints.projectId, q.projectId),
        q.states === undefined ? undefined : inArray(alerts.state, q.states),
        olderThan(alerts.openedAt, alerts.id, q.before),
      ),
    )
    .orderBy(...newestFirst(alerts.openedAt, alerts.id))
    .limit(q.limit);
  return rows.map((r) => ({ ...r.alert, ruleName: r.ruleName, endpointName: r.endpointName, projectId: r.projectId }));
}

async function getAlert(db: AnyDb, alertId: string): Promise<Alert> {
  const alert = first(await db.select().from(db.t.alerts).where(eq(db.t.alerts.id, alertId)).limit(1));
  if (!alert) throw new UserError(`Alert ${alertId} was not found`, { field: 'id' });
  return alert;
}

export async function acknowledgeAlert(db: AnyDb, alertId: string, userId: string, now = Date.now()): Promise<Alert> {
  const { alerts } = db.t;
  const alert = await getAlert(db, alertId);
  if (alert.state !== 'open') throw new UserError(`Alert ${alertId} is ${alert.state}; only an open alert can be acknowledged`);
  await db.update(alerts).set({ state: 'acknowledged', acknowledgedBy: userId, acknowledgedAt: now }).where(and(eq(alerts.id, alertId), eq(alerts.state, 'open')));
  return getAlert(db, alertId);
}

export async function resolveAlert(db: AnyDb, alertId: string, userId: string, comment: string, now = Date.now()): Promise<Alert> {
  const { alerts } = db.t;
  const alert = await getAlert(db, alertId);
  if (alert.state === 'resolved') throw new UserError(`Alert ${alertId} is already resolved (${alert.resolution ?? 'no comment'})`);
  await db.update(alerts).set({ state: 'resolved', resolvedBy: userId, resolvedAt: now, resolution: comment }).where(eq(alerts.id, alertId));
  return getAlert(db, alertId);
}
