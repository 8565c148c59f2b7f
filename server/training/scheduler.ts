// The studio's training scheduler: one tick loop in the studio process. Each tick fires the
// triggers that are due (due-fires.ts), then settles the retrain runs that ended (onTick hooks,
// e.g. the champion/challenger step). The clock is injected so tests step time by hand. Nothing is
// held in memory between ticks: the tables are the state, so a restart picks up where it stopped.
import type { AnyDb } from '../db/any-db';
import { dueAlertFires, dueCronFires, dueDatasetFires, type DueFire } from './due-fires';
import { fireTrigger, type FireOutcome } from './fire-trigger';

export interface SchedulerOptions {
  /** Where the labelled-traffic snapshots are written (the artifact store). */
  dataDir: string;
  now?: () => number;
  intervalMs?: number;
  /** Work after the fires of a tick (settling ended retrain runs); errors are logged, never thrown. */
  afterFires?: (db: AnyDb, now: number) => Promise<void> | void;
}

export interface TickResult {
  fired: (FireOutcome & { triggerId: string; dedupeKey: string })[];
}

export async function schedulerTick(db: AnyDb, options: SchedulerOptions): Promise<TickResult> {
  const now = (options.now ?? Date.now)();
  const fired: TickResult['fired'] = [];
  const due: DueFire[] = [...(await safely('cron', () => dueCronFires(db, now))), ...(await safely('dataset', () => dueDatasetFires(db))), ...(await safely('alert', () => dueAlertFires(db)))];
  for (const { trigger, dedupeKey, reason } of due) {
    fired.push({ ...(await fireTrigger(db, options.dataDir, trigger, dedupeKey, now, reason)), triggerId: trigger.id, dedupeKey });
  }
  try {
    await options.afterFires?.(db, now);
  } catch (error) {
    console.error('[scheduler] settling retrain runs failed', error);
  }
  return { fired };
}

async function safely(what: string, find: () => Promise<DueFire[]>): Promise<DueFire[]> {
  try {
    return await find();
  } catch (error) {
    console.error(`[scheduler] finding due ${what} triggers failed`, error);
    return [];
  }
}

/** Starts the loop; ticks never overlap. Returns a stop function. */
export function startScheduler(db: AnyDb, options: SchedulerOptions): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const loop = async () => {
    if (stopped) return;
    await schedulerTick(db, options).catch((error) => console.error('[scheduler] tick failed', error));
    if (!stopped) {
      timer = setTimeout(loop, options.intervalMs ?? 15_000);
      timer.unref();
    }
  };
  timer = setTimeout(loop, 0);
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
