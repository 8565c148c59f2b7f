import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { readRun, type RunDetail } from '../runners/read-run';
import { boot } from '../boot';
import { getDb } from '../db/client';
import { pipelines, projects } from '../db/schema';
import { parseAndCompile } from '../pipelines/compile-doc';
import { startRun } from '../pipelines/start-run';
import { saveVersion, systemAuthor } from '../pipelines/versions';
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

export async function cmdRun(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true });
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
  const saved = saveVersion(db, projectFor(compiled.value.doc.id), compiled.value.doc, systemAuthor('cli'), 'pipeworks run');
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
