// What each kind of trigger is due to fire for, at one tick of the scheduler. Every answer is a
// dedupe key; fireTrigger's claim makes a repeated answer (another process, a restart) harmless.
//  - cron: the latest scheduled minute at or before now, once now has reached nextFireAt. Fires
//    missed while the studio was down collapse into that one (no burst of catch-up runs).
//  - dataset: the newest version created after the trigger was (a run reads "latest", so versions
//    that arrived between two ticks are covered by one run of the newest).
//  - alert: every alert opened since the trigger was created, of its rule or of any rule of its endpoint.
import { and, desc, eq, gt, gte, isNull, lte } from 'drizzle-orm';
import { first, type AnyDb } from '../db/any-db';
import type { TrainingTrigger } from '../db/schema';
import { nextCronTime, parseCron, previousCronTime } from './cron';

export interface DueFire {
  trigger: TrainingTrigger;
  dedupeKey: string;
  reason: Record<string, unknown>;
}

/** Cron triggers whose time has come; moves each one's nextFireAt past now (idempotent). */
export async function dueCronFires(db: AnyDb, now: number): Promise<DueFire[]> {
  const { trainingTriggers } = db.t;
  const due = await db
    .select()
    .from(trainingTriggers)
    .where(and(eq(trainingTriggers.kind, 'cron'), eq(trainingTriggers.enabled, true), lte(trainingTriggers.nextFireAt, now)));
  const fires: DueFire[] = [];
  for (const trigger of due) {
    const schedule = parseCron(trigger.cron ?? '');
    const scheduled = previousCronTime(schedule, now);
    await db.update(trainingTriggers).set({ nextFireAt: nextCronTime(schedule, now) }).where(eq(trainingTriggers.id, trigger.id));
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

export async function dueDatasetFires(db: AnyDb): Promise<DueFire[]> {
  const { datasetVersions, trainingTriggers } = db.t;
  const triggers = await db.select().from(trainingTriggers).where(and(eq(trainingTriggers.kind, 'dataset'), eq(trainingTriggers.enabled, true)));
  const fires: DueFire[] = [];
  for (const trigger of triggers) {
    if (!trigger.datasetId) continue;
    const newest = first(
      await db
        .select({ id: datasetVersions.id, version: datasetVersions.version })
        .from(datasetVersions)
        .where(and(eq(datasetVersions.datasetId, trigger.datasetId), gt(datasetVersions.createdAt, trigger.createdAt)))
        .orderBy(desc(datasetVersions.createdAt), desc(datasetVersions.version))
        .limit(1),
    );
    if (newest && !(await alreadyFired(db, trigger.id, newest.id))) fires.push({ trigger, dedupeKey: newest.id, reason: { datasetVersionId: newest.id, datasetVersion: newest.version } });
  }
  return fires;
}

export async function dueAlertFires(db: AnyDb): Promise<DueFire[]> {
  const { alerts, trainingTriggers, triggerFires } = db.t;
  const triggers = await db.select().from(trainingTriggers).where(and(eq(trainingTriggers.kind, 'alert'), eq(trainingTriggers.enabled, true)));
  const fires: DueFire[] = [];
  for (const trigger of triggers) {
    const scope = trigger.alertRuleId ? eq(alerts.ruleId, trigger.alertRuleId) : trigger.endpointId ? eq(alerts.endpointId, trigger.endpointId) : null;
    if (!scope) continue;
    const opened = await db
      .select({ id: alerts.id, message: alerts.message, ruleId: alerts.ruleId })
      .from(alerts)
      .leftJoin(triggerFires, and(eq(triggerFires.triggerId, trigger.id), eq(triggerFires.dedupeKey, alerts.id)))
      .where(and(scope, gte(alerts.openedAt, trigger.createdAt), isNull(triggerFires.id)))
      .orderBy(alerts.openedAt, alerts.id)
      .limit(10);
    for (const alert of opened) fires.push({ trigger, dedupeKey: alert.id, reason: { alertId: alert.id, alertRuleId: alert.ruleId, alert: alert.message } });
  }
  return fires;
}

async function alreadyFired(db: AnyDb, triggerId: string, dedupeKey: string): Promise<boolean> {
  const { triggerFires } = db.t;
  return first(await db.select({ id: triggerFires.id }).from(triggerFires).where(and(eq(triggerFires.triggerId, triggerId), eq(triggerFires.dedupeKey, dedupeKey))).limit(1)) !== null;
}
