import { parseArgs } from 'node:util';
import { and, desc, eq } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { readRun, type RunDetail } from '../runners/read-run';
import { boot } from '../boot';
import { getDb } from '../db/client';
import { first, type AnyDb } from '../db/any-db';
import { getEnv } from '../env';
import { stepGates, type StepGate } from '../runs/step-gates';
import { parseAndCompile } from '../pipelines/compile-doc';
import { startRun } from '../pipelines/start-run';
import { SaveConflictError } from '../pipelines/save-conflict';
import { getVersion, saveVersion, systemAuthor, versionHash } from '../pipelines/versions';
import type { PipelineDoc } from '../../engine/document';
import { runEvents } from '../runners/run-events';
import { closeRunManager, getRunManager } from '../runtime';
import { projectFor } from './cli-project';
import { formatIssue, readPipelineFile } from './read-pipeline';

/**
 * The version a file run starts from: `--base N`, else the version the last `pipeworks run` of it
 * saved (the file's own line of history), or the latest when the file is exactly it, else 0 for a
 * new pipeline. A pipeline made in the studio
 * and never run from a file needs `--base`, so a file never silently replaces the studio's edits.
 */
async function baseVersionFor(doc: PipelineDoc, base: string | undefined): Promise<number> {
  const pipelineId = doc.id;
  if (base !== undefined) {
    const n = Number(base);
    if (!Number.isInteger(n) || n < 0) throw new UserError(`--base must be a version number (0 for a new pipeline), not "${base}"`);
    return n;
  }
  const db = getDb().anyDb;
  const { pipelines, pipelineVersions } = db.t;
  if (!first(await db.select({ id: pipelines.id }).from(pipelines).where(eq(pipelines.id, pipelineId)).limit(1))) return 0;
  const last = first(
    await db
      .select({ version: pipelineVersions.version })
      .from(pipelineVersions)
      .where(and(eq(pipelineVersions.pipelineId, pipelineId), eq(pipelineVersions.authorSystem, 'cli')))
      .orderBy(desc(pipelineVersions.version))
      .limit(1),
  );
  if (last) return last.version;
  // The file is exactly the latest version: running it replaces nothing.
  const latest = await getVersion(db, pipelineId);
  if (latest && latest.contentHash === versionHash(doc)) return latest.version;
  throw new UserError(`Pipeline "${pipelineId}" already exists and was never run from a file; pass --base N, the version your file started from`);
}

export async function cmdRun(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' }, base: { type: 'string' }, gate: { type: 'boolean' } }, allowPositionals: true });
  const out = values.json ? console.error : console.log;
  const compiled = await parseAndCompile(getDb().anyDb, await readPipelineFile(positionals[0]));
  if (!compiled.ok) {
    if (values.json) console.log(JSON.stringify({ status: 'invalid', issues: compiled.error }, null, 2));
    else for (const issue of compiled.error) console.log(formatIssue(issue));
    return 2;
  }
  for (const warning of compiled.value.plan.warnings) out(formatIssue(warning));
  await boot({ resume: false });
  const doc = compiled.value.doc;
  let saved;
  try {
    saved = await saveVersion(getDb().anyDb, await projectFor(doc.id), doc, systemAuthor('cli'), { baseVersion: await baseVersionFor(doc, values.base), message: 'pipeworks run' });
  } catch (error) {
    if (!(error instanceof SaveConflictError)) throw error;
    if (values.json) console.log(JSON.stringify({ status: 'conflict', conflict: error.conflict }, null, 2));
    else console.error(`error: ${error.message}`);
    return 2;
  }
  if (saved.merged) out(`merged with ${saved.merged.versions.map((v) => `v${v.version} by ${v.author}`).join(', ')}`);
  const { runId } = await startRun(getDb().anyDb, { pipelineId: saved.pipelineId, version: saved.version, trigger: 'cli', userId: null });
  out(`run ${runId} — ${saved.pipelineId} v${saved.version}`);

  const { anyDb } = getDb();
  const reported = new Set<string>();
  const report = async () => {
    for (const step of (await readRun(anyDb, runId))?.steps ?? []) {
      if (reported.has(step.stepId) || !['succeeded', 'failed', 'cancelled', 'cached'].includes(step.status)) continue;
      reported.add(step.stepId);
      const ms = step.startedAt && step.finishedAt ? `${step.finishedAt - step.startedAt} ms` : '';
      out(`  ${step.status.padEnd(9)} ${step.stepId} (${step.nodeType}) ${ms}${step.errorMessage ? ` — ${step.errorMessage}` : ''}`);
    }
  };
  // Reports run one after another, so a step is printed once and in order.
  let reporting = Promise.resolve();
  const onChange = () => {
    reporting = reporting.then(report).catch((error: unknown) => console.error(error));
  };
  runEvents.on(runId, onChange);
  const status = await getRunManager().start(runId, compiled.value.plan);
  runEvents.off(runId, onChange);
  await reporting;
  await report();
  await closeRunManager();

  const run = (await readRun(anyDb, runId))!;
  const json = await toJson(anyDb, run, saved.version);
  if (values.json) console.log(JSON.stringify(json, null, 2));
  else out(`run ${status}`);
  const failedGates = json.steps.flatMap((s) => s.gates.filter((g) => !g.passed).map((g) => ({ step: s.id, ...g })));
  if (values.gate) {
    for (const s of json.steps) for (const g of s.gates) out(`  gate ${g.passed ? 'passed' : 'FAILED'} [${g.kind}] ${s.id}: ${g.gate} — ${g.figures}`);
    for (const g of failedGates) console.error(`gate failed: [${g.kind}] step ${g.step}: ${g.gate} — ${g.figures}`);
    if (failedGates.length > 0) return 1;
  }
  return status === 'succeeded' ? 0 : 1;
}

/** The documented --json shape (README, "Scripting the CLI"): each step's metrics and gates beside its artifacts. */
async function toJson(db: AnyDb, run: RunDetail, version: number) {
  const { runMetrics } = db.t;
  const metricRows = await db.select().from(runMetrics).where(eq(runMetrics.runId, run.id));
  const metricsOf = (stepId: string) =>
    Object.fromEntries(metricRows.filter((m) => m.stepId === stepId).map((m) => [m.key.slice(stepId.length + 1), m.value]));
  const dataDir = getEnv().PIPEWORKS_DATA_DIR;
  const steps = await Promise.all(
    run.steps.map(async (s) => ({
      id: s.stepId,
      type: s.nodeType,
      status: s.status,
      cachedFromRunId: s.cachedFromRunId,
      durationMs: s.startedAt && s.finishedAt ? s.finishedAt - s.startedAt : null,
      peakMemoryBytes: s.peakMemoryBytes,
      runner: s.runner,
      backend: s.backend,
      outputs: s.outputs ?? {},
      metrics: metricsOf(s.stepId) as Record<string, number>,
      gates: (await stepGates(dataDir, s)) as StepGate[],
      error: s.errorCode ? { code: s.errorCode, message: s.errorMessage } : null,
    })),
  );
  const gates = steps.flatMap((s) => s.gates);
  return {
    runId: run.id,
    pipelineId: run.pipelineId,
    pipelineVersion: version,
    status: run.status,
    gatesPassed: gates.every((g) => g.passed),
    steps,
  };
}
