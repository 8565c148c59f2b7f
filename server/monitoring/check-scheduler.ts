// Scheduled checks in the studio process. All state is in monitor_settings.next_check_at, so a
// restart picks up where it stopped; a check is claimed by a conditional UPDATE of that column,
// so two studio processes on one database never run the same scheduled check.
import { and, asc, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import type { AnyDb } from '../db/any-db';
import { runMonitorCheck, type CheckResult } from './run-check';
import type { StatsFetch } from './serving-health';

export interface Claim {
  endpointId: string;
  /** The scheduled time this claim took. */
  dueAt: number;
}

/** The next scheduled time after `dueAt`: one interval on, or one interval from now after a gap (missed checks are not replayed). */
export function nextCheckTime(dueAt: number, intervalMinutes: number, now: number): number {
  const next = dueAt + intervalMinutes * 60_000;
  return next > now ? next : now + intervalMinutes * 60_000;
}

/** Claims every due check of a live endpoint; a row another process claimed first is skipped. */
export async function claimDueChecks(db: AnyDb, now: number, limit = 50): Promise<Claim[]> {
  const { endpoints, monitorSettings } = db.t;
  const due = await db
    .select({ endpointId: monitorSettings.endpointId, nextCheckAt: monitorSettings.nextCheckAt, interval: monitorSettings.checkIntervalMinutes })
    .from(monitorSettings)
    .innerJoin(endpoints, eq(endpoints.id, monitorSettings.endpointId))
    .where(and(isNotNull(monitorSettings.checkIntervalMinutes), lte(monitorSettings.nextCheckAt, now), isNull(endpoints.undeployedAt)))
    .orderBy(asc(monitorSettings.nextCheckAt))
    .limit(limit);
  const claims: Claim[] = [];
  for (const row of due) {
    if (row.nextCheckAt === null || row.interval === null) continue;
    const taken = await db
      .update(monitorSettings)
      .set({ nextCheckAt: nextCheckTime(row.nextCheckAt, row.interval, now) })
      .where(and(eq(monitorSettings.endpointId, row.endpointId), eq(monitorSettings.nextCheckAt, row.nextCheckAt)))
      .returning({ endpointId: monitorSettings.endpointId });
    if (taken.length === 1) claims.push({ endpointId: row.endpointId, dueAt: row.nextCheckAt });
  }
  return claims;
}

export interface SchedulerOptions {
  dataDir: string;
  now?: () => number;
  fetchStats?: StatsFetch;
  log?: (message: string, error?: unknown) => void;
}

/** Claims and runs the due checks one after another; a failing check is logged, never thrown. */
export async function runDueChecks(db: AnyDb, options: SchedulerOptions): Promise<CheckResult[]> {
  const now = options.now ?? Date.now;
  const results: CheckResult[] = [];
  for (const claim of await claimDueChecks(db, now())) {
    try {
      results.push(await runMonitorCheck(db, claim.endpointId, { trigger: 'schedule', userId: null, dataDir: options.dataDir, now: now(), fetchStats: options.fetchStats }));
    } catch (error) {
      (options.log ?? console.error)(`[pipeworks] scheduled check of endpoint ${claim.endpointId} failed`, error);
    }
  }
  return results;
}

/** Polls every `everyMs`; returns a stop function. The timer never keeps the process alive. */
export function startCheckScheduler(db: AnyDb, options: SchedulerOptions & { everyMs?: number }): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      await runDueChecks(db, options);
    } catch (error) {
      (options.log ?? console.error)('[pipeworks] the check scheduler failed', error);
    }
    if (!stopped) timer = setTimeout(tick, options.everyMs ?? 30_000).unref();
  };
  timer = setTimeout(tick, 1_000).unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
