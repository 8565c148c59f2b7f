// Where a pipeline saved from the command line (run, import) lives: the project it is already in, or
// the project named with --project, or else the "Command line" project, created on first use.
import { eq } from 'drizzle-orm';
import { didYouMean } from '../../engine/did-you-mean';
import { getDb } from '../db/client';
import { pipelines, projects } from '../db/schema';
import { CliError } from './cli-error';

export const CLI_PROJECT_ID = 'cli';

/** A pipeline the server already knows gets a new version in its own project; a new one lands in "Command line" or --project. */
export function projectFor(pipelineId: string, projectName?: string): string {
  const { db } = getDb();
  const existing = db.select({ projectId: pipelines.projectId }).from(pipelines).where(eq(pipelines.id, pipelineId)).get();
  if (existing) return existing.projectId;
  if (projectName !== undefined) {
    const all = db.select({ id: projects.id, name: projects.name }).from(projects).all();
    const named = all.find((p) => p.name === projectName);
    if (!named) throw new CliError(`--project: there is no project "${projectName}".${didYouMean(projectName, all.map((p) => p.name))}`, 2);
    return named.id;
  }
  if (!db.select().from(projects).where(eq(projects.id, CLI_PROJECT_ID)).get()) {
    db.insert(projects).values({ id: CLI_PROJECT_ID, name: 'Command line', description: 'Pipelines run with `pipeworks run`.', createdBy: null, createdAt: Date.now() }).run();
  }
  return CLI_PROJECT_ID;
}
