// Server start-up: migrate, seed, and resume runs a previous process left unfinished.
import { startKpiLoop } from './dashboard/kpi-loop';
import { getDb } from './db/client';
import { getEnv } from './env';
import { removeStaleTempFiles } from './store/artifact-files';
import { seedSampleProject } from './pipelines/seed';
import { backfillRunRecords } from './runs/backfill-records';
import { getRunManager } from './runtime';
import { startTrainingScheduler } from './training/start';

/** `scheduler`: the studio process runs the training scheduler; the CLI's short-lived commands do not. */
export async function boot(options: { resume: boolean; scheduler?: boolean }): Promise<{ resumed: string[] }> {
  const { anyDb } = getDb();
  await seedSampleProject(anyDb);
  startKpiLoop(anyDb);
  removeStaleTempFiles(getEnv().PIPEWORKS_DATA_DIR).catch((error) => console.error('[pipeworks] temp clean-up failed', error));
  backfillRunRecords(anyDb, getEnv().PIPEWORKS_DATA_DIR)
    .then((n) => n > 0 && console.log(`[pipeworks] recorded params and metrics of ${n} earlier run(s)`))
    .catch((error) => console.error('[pipeworks] recording earlier runs failed', error));
  const resumed = options.resume ? await getRunManager().resumeInterrupted() : [];
  if (resumed.length) console.log(`[pipeworks] resumed ${resumed.length} interrupted run(s): ${resumed.join(', ')}`);
  if (options.scheduler) startTrainingScheduler(anyDb, getEnv().PIPEWORKS_SCHEDULER_TICK_S);
  return { resumed };
}
