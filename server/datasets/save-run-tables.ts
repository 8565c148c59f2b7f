// A node's `saveAs` option (the batch score node's): when its run succeeds, the step's table
// output becomes the next version of the named dataset, beside uploaded versions. What happened
// is written to the step's log: "Saved as scored-customers v3", or why it could not be.
import { and, eq } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import type { Plan } from '../../engine/plan';
import type { ColumnInfo } from '../../nodes/values';
import type { Db } from '../db/client';
import { artifacts, runs, stepLogs, stepRuns } from '../db/schema';
import { serverRegistry } from '../pipelines/registry';
import { datasetNameSchema } from './dataset-name';
import { recordDatasetVersion } from './dataset-store';

const SAVE_PARAM = 'saveAs';

export function saveRequestedTables(db: Db, runId: string): void {
  const run = db.select({ plan: runs.plan, createdBy: runs.createdBy }).from(runs).where(eq(runs.id, runId)).get();
  if (!run) return;
  for (const step of (run.plan as Plan).steps) {
    const name = step.params[SAVE_PARAM];
    const def = serverRegistry().get(step.type, step.version);
    if (typeof name !== 'string' || name === '' || !def?.publishParams?.includes(SAVE_PARAM)) continue;
    const log = (level: 'info' | 'warn', message: string) => db.insert(stepLogs).values({ runId, stepId: step.id, at: Date.now(), level, message }).run();
    try {
      const saved = saveStepTable(db, runId, step.id, name, run.createdBy);
      log('info', saved.created ? `Saved as dataset ${name} v${saved.version}` : `Dataset ${name} v${saved.version} already holds this table; no new version`);
    } catch (error) {
      // The run itself succeeded; a save that could not happen is reported, not fatal.
      log('warn', `Could not save the table as dataset "${name}": ${(error as Error).message}`);
      if (!(error instanceof UserError)) console.error(`[run ${runId}] saving ${step.id}`, error);
    }
  }
}

function saveStepTable(db: Db, runId: string, stepId: string, name: string, userId: string | null) {
  const parsedName = datasetNameSchema.safeParse(name);
  if (!parsedName.success) throw new UserError(parsedName.error.issues[0]?.message ?? 'invalid dataset name', { field: 'params.saveAs' });
  const row = db.select({ outputs: stepRuns.outputs }).from(stepRuns).where(and(eq(stepRuns.runId, runId), eq(stepRuns.stepId, stepId))).get();
  const ref = row?.outputs?.table;
  if (!ref) throw new UserError(`Step "${stepId}" has no table output in this run`, { nodeId: stepId });
  const artifact = db.select().from(artifacts).where(eq(artifacts.id, ref.id)).get();
  if (!artifact) throw new Error(`Artifact ${ref.id} of step ${stepId} is not recorded`);
  const meta = artifact.meta as { rows?: number; columns?: ColumnInfo[] };
  if (typeof meta.rows !== 'number' || !Array.isArray(meta.columns)) throw new Error(`Artifact ${ref.id} has no table metadata`);
  const recorded = recordDatasetVersion(db, {
    name: parsedName.data,
    filename: `run ${runId.slice(0, 8)}, step ${stepId}`,
    userId,
    table: {
      artifactId: artifact.id,
      artifactSize: artifact.size,
      rows: meta.rows,
      columns: meta.columns,
      format: 'run',
      sourceSize: artifact.size,
      options: { runId, stepId },
    },
  });
  return { created: recorded.created, version: recorded.version.version };
}
