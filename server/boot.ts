// Server start-up: migrate, seed, and resume runs a previous process left unfinished.
import { getDb } from './db/client';
import { seedSampleProject } from './pipelines/seed';
import { getRunManager } from './runtime';

export function boot(options: { resume: boolean }): { resumed: string[] } {
  const { db } = getDb();
  seedSampleProject(db);
  const resumed = options.resume ? getRunManager().resumeInterrupted() : [];
  if (resumed.length) console.log(`[pipeworks] resumed ${resumed.length} interrupted run(s): ${resumed.join(', ')}`);
  return { resumed };
}
