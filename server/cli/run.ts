import { parseArgs } from 'node:util';
import { and, desc, eq } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { readRun, type RunDetail } from '../runners/read-run';
import { boot } from '../boot';
import { getDb } from '../db/client';
import { pipelines, pipelineVersions, projects } from '../db/schema';
import { parseAndCompile } from '../pipelines/compile-doc';
import { startRun } from '../pipelines/start-run';
import { SaveConflictError } from '../pipelines/save-conflict';
import { getVersion, saveVersion, systemAuthor, versionHash } from '../pipelines/versions';
import type { PipelineDoc } from '../../engine/document';
import { runEvents } from '../runners/run-events';
import { closeRunManager, getRunManager } from '../runtime';
import { formatIssue, readPipelineFile } from './read-pipeline';

export const CLI_PROJECT_ID = 'cli';

/** A pipeline the server already knows gets a new version in its own project; a new one lands in "Command line". */
function projectFor(pipelineId: string): string {
  const { db } = getDb();
  const existing = db.select({ projectId: pipelines.projectId }).from(pipelines).where(eq(pipelines.id, pipelineId)).get();
  if (existing) return existing.projectId;
  if (!db.select().from(projects).where(eq(projects.id, CLI_PROJECT_ID)).get()) {
    db.insert(projects).values({ id: CLI_PROJECT_ID, name: 'Command line', description: 'Pipelines run with `pipeworks run`.', createdBy: null, createdAt: Date.now() }).run();
  }
  return CLI_PROJECT_ID;
}

/**
 * The version a file run starts from: `--base N`, else the version the last `pipeworks run` of it
 * saved (the file's own line of history), or the latest when the file is exactly it, else 0 for a
 * new pipeline. A pipeline made in the studio
 * and never run from a file needs `--base`, so a file never silently replaces the studio's edits.
 */
function baseVersionFor(doc: PipelineDoc, base: string | undefined): number {
  const pipelineId = doc.id;
  if (base !== undefined) {
    const n = Number(base);
    if (!Number.isInteger(n) || n < 0) throw new UserError(`--base must be a version number (0 for a new pipeline), not "${base}"`);
    return n;
  }
  const { db } = getDb();
  if (!db.select({ id: pipelines.id }).from(pipelines).where(eq(pipelines.id, pipelineId)).get()) return 0;
  const last = db
    .select({ version: pipelineVersions.version })
    .from(pipelineVersions)
    .where(and(eq(pipelineVersions.pipelineId, pipelineId), eq(pipelineVersions.authorSystem, 'cli')))
    .orderBy(desc(pipelineVersions.version))
    .get();
  if (last) return last.version;
  // The file is exactly the latest version: running it replaces nothing.
  const latest = getVersion(db, pipelineId);
  if (latest && latest.contentHash === versionHash(doc)) return latest.version;
  throw new UserError(`Pipeline "${pipelineId}" already exists and was never run from a file; pass --base N, the version your file started from`);
}

export async function cmdRun(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' }, base: { type: 'string' } }, allowPositionals: true });
  const out = values.json ? console.error : console.log;
  const compiled = parseAndCompile(getDb().db, await readPipelineFile(positionals[0]));
  if (!compiled.ok) {
    if (values.json) console.log(JSON.stringify({ status: 'invalid', issues: compiled.error }, null, 2));
    else for (const issue of compiled.error) console.log(formatIssue(issue));
    return 2;
  }
  for (const warning of compiled.value.plan.warnings) out(formatIssue(warning));
  boot({ resume: false });
  const { db } = getDb();
  const doc = compiled.value.doc;
  let saved;
  try {
    saved = saveVersion(db, projectFor(doc.id), doc, systemAuthor('cli'), { baseVersion: baseVersionFor(doc, values.base), message: 'pipeworks run' });
  } catch (error) {
    if (!(error instanceof SaveConflictError)) throw error;
    if (values.json) console.log(JSON.stringify({ status: 'conflict', conflict: error.conflict }, null, 2));
    else console.error(`error: ${error.message}`);
    return 2;
  }
  if (saved.merged) out(`merged with ${saved.merged.versions.map((v) => `v${v.version} by ${v.author}`).join(', ')}`);
  const { runId } = startRun(db, { pipelineId: saved.pipelineId, version: saved.version, trigger: 'cli', userId: null });
  out(`run ${runId} — ${saved.pipelineId} v${saved.version}`);

  const reported = new Set<string>();
  const report = () => {
    for (const step of readRun(db, runId)?.steps ?? []) {
      if (reported.has(step.stepId) || !['succeeded', 'failed', 'cancelled', 'cached'].includes(step.status)) continue;
      reported.add(step.stepId);
      const ms = step.startedAt && step.finishedAt ? `${step.finishedAt - step.startedAt} ms` : '';
      out(`  ${step.status.padEnd(9)} ${step.stepId} (${step.nodeType}) ${ms}${step.errorMessage ? ` — ${step.errorMessage}` : ''}`);
    }
  };
  runEvents.on(runId, report);
  const status = await getRunManager().start(runId, compiled.value.plan);
  runEvents.off(runId, report);
  report();
  await closeRunManager();

  const run = readRun(db, runId)!;
  if (values.json) console.log(JSON.stringify(toJson(run, saved.version), null, 2));
  else out(`run ${status}`);
  return status === 'succeeded' ? 0 : 1;
}

/** The documented --json shape (README, "Scripting the CLI"). */
function toJson(run: RunDetail, version: number) {
  return {
    runId: run.id,
    pipelineId: run.pipelineId,
    pipelineVersion: version,
    status: run.status,
    steps: run.steps.map((s) => ({
      id: s.stepId,
      type: s.nodeType,
      status: s.status,
      cachedFromRunId: s.cachedFromRunId,
      durationMs: s.startedAt && s.finishedAt ? s.finishedAt - s.startedAt : null,
      peakMemoryBytes: s.peakMemoryBytes,
      runner: s.runner,
      backend: s.backend,
      outputs: s.outputs ?? {},
      error: s.errorCode ? { code: s.errorCode, message: s.errorMessage } : null,
    })),
  };
}
