// Where a pipeline saved from the command line (run, import) lives: the project it is already in, or
// the project named with --project, or else the "Command line" project, created on first use.
import { eq } from 'drizzle-orm';
import { didYouMean } from '../../engine/did-you-mean';
import { first, type AnyDb } from '../db/any-db';
import { getDb } from '../db/client';
import { CliError } from './cli-error';

export const CLI_PROJECT_ID = 'cli';

/** A pipeline the server already knows gets a new version in its own project; a new one lands in "Command line" or --project. */
export async function projectFor(pipelineId: string, projectName?: string, db: AnyDb = getDb().anyDb): Promise<string> {
  const { pipelines, projects } = db.t;
  const existing = first(await db.select({ projectId: pipelines.projectId }).from(pipelines).where(eq(pipelines.id, pipelineId)).limit(1));
  if (existing) return existing.projectId;
  if (projectName !== undefined) {
    const all = await db.select({ id: projects.id, name: projects.name }).from(projects);
    const named = all.find((p) => p.name === projectName);
    if (!named) throw new CliError(`--project: there is no project "${projectName}".${didYouMean(projectName, all.map((p) => p.name))}`, 2);
    return named.id;
  }
  // onConflictDoNothing: two commands starting together both create it, and neither fails.
  await db
    .insert(projects)
    .values({ id: CLI_PROJECT_ID, name: 'Command line', description: 'Pipelines run with `pipeworks run`.', createdBy: null, createdAt: Date.now() })
    .onConflictDoNothing({ target: projects.id });
  return CLI_PROJECT_ID;
}
