// A node's `saveAs` option (the batch score node's): when its run succeeds, the step's table
// output becomes the next version of the named dataset, beside uploaded versions. What happened
// is written to the step's log: "Saved as scored-customers v3", or why it could not be.
import { and, eq } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import type { Plan, PlanStep } from '../../engine/plan';
import type { ColumnInfo } from '../../nodes/values';
import { first, type AnyDb } from '../db/any-db';
import type { Artifact } from '../db/schema';
import { serverRegistry } from '../pipelines/registry';
import { datasetNameSchema } from './dataset-name';
import { recordDatasetVersion, type RecordVersionInput } from './dataset-store';

const SAVE_PARAM = 'saveAs';

type Saved = { created: boolean; version: number };
type Level = 'info' | 'warn';

/** Saves every table a succeeded run's steps ask to keep; each outcome goes to the step's log, none is fatal. */
export async function saveRequestedTables(db: AnyDb, runId: string): Promise<void> {
  const { runs, stepRuns, artifacts, stepLogs } = db.t;
  const run = first(await db.select({ plan: runs.plan, createdBy: runs.createdBy }).from(runs).where(eq(runs.id, runId)).limit(1));
  if (!run) return;
  for (const [step, name] of requested(run.plan)) {
    let outcome: [Level, string];
    try {
      const target = saveName(name);
      const row = first(await db.select({ outputs: stepRuns.outputs }).from(stepRuns).where(and(eq(stepRuns.runId, runId), eq(stepRuns.stepId, step.id))).limit(1));
      const ref = tableRef(row, step.id);
      const artifact = first(await db.select().from(artifacts).where(eq(artifacts.id, ref)).limit(1));
      const recorded = await recordDatasetVersion(db, versionInput(runId, step.id, target, run.createdBy, ref, artifact));
      outcome = savedLine(name, { created: recorded.created, version: recorded.version.version });
    } catch (error) {
      outcome = failedLine(runId, step.id, name, error);
    }
    await db.insert(stepLogs).values({ runId, stepId: step.id, at: Date.now(), level: outcome[0], message: outcome[1] });
  }
}

/** The plan's steps whose node publishes `saveAs` and has it set, with the name to save under. */
function requested(plan: Plan): [PlanStep, string][] {
  return plan.steps.flatMap((step): [PlanStep, string][] => {
    const name = step.params[SAVE_PARAM];
    const def = serverRegistry().get(step.type, step.version);
    return typeof name === 'string' && name !== '' && def?.publishParams?.includes(SAVE_PARAM) ? [[step, name]] : [];
  });
}

function tableRef(row: { outputs: Record<string, { id: string }> | null } | null | undefined, stepId: string): string {
  const ref = row?.outputs?.table;
  if (!ref) throw new UserError(`Step "${stepId}" has no table output in this run`, { nodeId: stepId });
  return ref.id;
}

function saveName(name: string): string {
  const parsed = datasetNameSchema.safeParse(name);
  if (!parsed.success) throw new UserError(parsed.error.issues[0]?.message ?? 'invalid dataset name', { field: 'params.saveAs' });
  return parsed.data;
}

function versionInput(runId: string, stepId: string, name: string, userId: string | null, ref: string, artifact: Artifact | null | undefined): RecordVersionInput {
  if (!artifact) throw new Error(`Artifact ${ref} of step ${stepId} is not recorded`);
  const meta = artifact.meta as { rows?: number; columns?: ColumnInfo[] };
  if (typeof meta.rows !== 'number' || !Array.isArray(meta.columns)) throw new Error(`Artifact ${ref} has no table metadata`);
  return {
    name,
    filename: `run ${runId.slice(0, 8)}, step ${stepId}`,
    userId,
    table: { artifactId: artifact.id, artifactSize: artifact.size, rows: meta.rows, columns: meta.columns, format: 'run', sourceSize: artifact.size, options: { runId, stepId } },
  };
}

function savedLine(name: string, saved: Saved): [Level, string] {
  return ['info', saved.created ? `Saved as dataset ${name} v${saved.version}` : `Dataset ${name} v${saved.version} already holds this table; no new version`];
}

// The run itself succeeded; a save that could not happen is reported, not fatal.
function failedLine(runId: string, stepId: string, name: string, error: unknown): [Level, string] {
  if (!(error instanceof UserError)) console.error(`[run ${runId}] saving ${stepId}`, error);
  return ['warn', `Could not save the table as dataset "${name}": ${(error as Error).message}`];
}
