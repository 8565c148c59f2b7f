// Runs the KPI consumer every few seconds in the studio process, so the dashboards' aggregates
// follow the prediction log and its feedback as they arrive.
import type { AnyDb } from '../db/any-db';
import { consumeKpis } from './kpi-consumer';

export const KPI_INTERVAL_MS = 2_000;
/** Rows per tick at most, so a backlog (a first start over a big log) never blocks the studio long. */
const TICK_ROWS = 20_000;
const loopKey = Symbol.for('pipeworks.kpiLoop');

export function startKpiLoop(db: AnyDb): void {
  const holder = globalThis as typeof globalThis & { [loopKey]?: NodeJS.Timeout };
  if (holder[loopKey]) return;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    let more = false;
    try {
      const r = await consumeKpis(db, { maxRows: TICK_ROWS });
      more = r.predictions >= TICK_ROWS || r.labels >= TICK_ROWS;
    } catch (error) {
      console.error('[pipeworks] KPI aggregates could not be brought up to date', error);
    } finally {
      busy = false;
    }
    // A backlog: go on at once, between other work, rather than waiting for the next interval.
    if (more) setImmediate(() => void tick());
  };
  holder[loopKey] = setInterval(() => void tick(), KPI_INTERVAL_MS);
  holder[loopKey].unref();
  void tick();
}

/** Stops this process's loop: `pipeworks start` sets up the database, closes it and hands it to its children. */
export function stopKpiLoop(): void {
  const holder = globalThis as typeof globalThis & { [loopKey]?: NodeJS.Timeout };
  clearInterval(holder[loopKey]);
  delete holder[loopKey];
}
