// What each kind of trigger is due to fire for, at one tick of the scheduler. Every answer is a
// dedupe key; fireTrigger's claim makes a repeated answer (another process, a restart) harmless.
//  - cron: the latest scheduled minute at or before now, once now has reached nextFireAt. Fires
//    missed while the studio was down collapse into that one (no burst of catch-up runs).
//  - dataset: the newest version created after the trigger was (a run reads "latest", so versions
//    that arrived between two ticks are covered by one run of the newest).
//  - alert: every alert opened since the trigger was created, of its rule or of any rule of its endpoint.
import { and, desc, eq, gt, gte, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { alerts, datasetVersions, trainingTriggers, triggerFires, type TrainingTrigger } from '../db/schema';
import { nextCronTime, parseCron, previousCronTime } from './cron';

export interface DueFire {
  trigger: TrainingTrigger;
  dedupeKey: string;
  reason: Record<string, unknown>;
}

/** Cron triggers whose time has come; moves each one's nextFireAt past now (idempotent). */
export function dueCronFires(db: Db, now: number): DueFire[] {
  const due = db
    .select()
    .from(trainingTriggers)
    .where(and(eq(trainingTriggers.kind, 'cron'), eq(trainingTriggers.enabled, true), lte(trainingTriggers.nextFireAt, now)))
    .all();
  const fires: DueFire[] = [];
  for (const trigger of due) {
    const schedule = parseCron(trigger.cron ?? '');
    const scheduled = previousCronTime(schedule, now);
    db.update(trainingTriggers).set({ nextFireAt: nextCronTime(schedule, now) }).where(eq(trainingTriggers.id, trigger.id)).run();
    if (scheduled === null || scheduled < (trigger.nextFireAt ?? 0)) continue;
    const missed = countBetween(schedule, trigger.nextFireAt ?? scheduled, scheduled);
    fires.push({ trigger, dedupeKey: new Date(scheduled).toISOString(), reason: { scheduledFor: new Date(scheduled).toISOString(), ...(missed > 0 && { missedTimes: missed }) } });
  }
  return fires;
}

/** Scheduled minutes in [from, to) — the times a down studio skipped in favour of `to`; capped at 1,000. */
function countBetween(schedule: ReturnType<typeof parseCron>, from: number, to: number): number {
  let n = 0;
  for (let t: number | null = from - 60_000; n < 1000; n++) {
    t = nextCronTime(schedule, t);
    if (t === null || t >= to) break;
  }
  return n;
}

export function dueDatasetFires(db: Db): DueFire[] {
  const triggers = db.select().from(trainingTriggers).where(and(eq(trainingTriggers.kind, 'dataset'), eq(trainingTriggers.enabled, true))).all();
  const fires: DueFire[] = [];
  for (const trigger of triggers) {
    if (!trigger.datasetId) continue;
    const newest = db
      .select({ id: datasetVersions.id, version: datasetVersions.version })
      .from(datasetVersions)
      .where(and(eq(datasetVersions.datasetId, trigger.datasetId), gt(datasetVersions.createdAt, trigger.createdAt)))
      .orderBy(desc(datasetVersions.createdAt), desc(datasetVersions.version))
      .get();
    if (newest && !alreadyFired(db, trigger.id, newest.id)) fires.push({ trigger, dedupeKey: newest.id, reason: { datasetVersionId: newest.id, datasetVersion: newest.version } });
  }
  return fires;
}

export function dueAlertFires(db: Db): DueFire[] {
  const triggers = db.select().from(trainingTriggers).where(and(eq(trainingTriggers.kind, 'alert'), eq(trainingTriggers.enabled, true))).all();
  const fires: DueFire[] = [];
  for (const trigger of triggers) {
    const scope = trigger.alertRuleId ? eq(alerts.ruleId, trigger.alertRuleId) : trigger.endpointId ? eq(alerts.endpointId, trigger.endpointId) : null;
    if (!scope) continue;
    const opened = db
      .select({ id: alerts.id, message: alerts.message, ruleId: alerts.ruleId })
      .from(alerts)
      .leftJoin(triggerFires, and(eq(triggerFires.triggerId, trigger.id), eq(triggerFires.dedupeKey, alerts.id)))
      .where(and(scope, gte(alerts.openedAt, trigger.createdAt), isNull(triggerFires.id)))
      .orderBy(alerts.openedAt)
      .limit(10)
      .all();
    for (const alert of opened) fires.push({ trigger, dedupeKey: alert.id, reason: { alertId: alert.id, alertRuleId: alert.ruleId, alert: alert.message } });
  }
  return fires;
}

function alreadyFired(db: Db, triggerId: string, dedupeKey: string): boolean {
  return db.select({ one: sql`1` }).from(triggerFires).where(and(eq(triggerFires.triggerId, triggerId), eq(triggerFires.dedupeKey, dedupeKey))).get() !== undefined;
}
