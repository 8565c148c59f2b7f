// The studio process's one training scheduler, held on globalThis so Next's module reloading in
// development never starts a second loop (a second loop would be harmless, only wasteful: every
// fire is claimed through its unique trigger_fires row, every challenge written once per run).
import type { AnyDb } from '../db/any-db';
import { getEnv } from '../env';
import { getRunManager } from '../runtime';
import { startScheduler } from './scheduler';
import { settleRetrainRuns } from './settle-retrains';

const key = Symbol.for('pipeworks.trainingScheduler');
const holder = globalThis as unknown as { [key]?: () => void };

export function startTrainingScheduler(db: AnyDb, tickSeconds: number): void {
  if (holder[key] || tickSeconds === 0) return;
  const dataDir = getEnv().PIPEWORKS_DATA_DIR;
  holder[key] = startScheduler(db, {
    dataDir,
    intervalMs: tickSeconds * 1000,
    afterFires: (tx) => settleRetrainRuns(tx, dataDir, (step, inputs) => getRunManager().computeDetached(step, inputs)).then(() => undefined),
  });
  console.log(`[pipeworks] training scheduler ticks every ${tickSeconds} s`);
}

/** Stops the loop (tests, shutdown). */
export function stopTrainingScheduler(): void {
  holder[key]?.();
  holder[key] = undefined;
}
