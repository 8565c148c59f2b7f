// Deleting runs: the rows go (steps, logs, params, metrics and search trials cascade), and the
// artifacts they pointed at are marked released for GC. Model versions registered from a run keep
// their bytes: they are GC roots of their own.
import { eq, inArray } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { first, type AnyDb } from '../db/any-db';
import { withTransaction } from '../db/transaction';
import { markReleased, runOutputIds, runWithTrials } from './release';
import { audit } from '../auth/audit';

const ACTIVE = new Set(['queued', 'running']);

export interface DeletedRuns {
  runs: number;
  /** Artifacts marked released; GC frees those no kept run, dataset or model version still needs. */
  released: number;
}

/** Deletes `runIds` (each with its trials) inside the caller's transaction, after checking none is still going. */
export async function removeRuns(db: AnyDb, runIds: readonly string[], why: string, now = Date.now()): Promise<DeletedRuns> {
  // pg: runs (the runs table is pg-runs'); its rows are read and deleted here on the handle.
  const { runs } = db.t;
  const trees: string[][] = [];
  for (const id of runIds) trees.push(await runWithTrials(db, id));
  const all = [...new Set(trees.flat())];
  if (all.length === 0) return { runs: 0, released: 0 };
  const states = await db.select({ id: runs.id, status: runs.status }).from(runs).where(inArray(runs.id, all));
  const active = states.find((r) => ACTIVE.has(r.status));
  if (active) throw new UserError(`Run ${active.id.slice(0, 8)} is still ${active.status}; cancel it before deleting it`, { field: 'runId' });
  const released = await runOutputIds(db, all);
  for (const id of runIds) await db.delete(runs).where(eq(runs.id, id));
  await markReleased(db, released, why, now);
  return { runs: all.length, released: released.length };
}

export function deleteRun(db: AnyDb, input: { runId: string; userId: string | null }): Promise<DeletedRuns> {
  return withTransaction(db, async (tx) => {
    const { runs } = tx.t;
    const run = first(await tx.select({ id: runs.id, pipelineId: runs.pipelineId, status: runs.status }).from(runs).where(eq(runs.id, input.runId)).limit(1));
    if (!run) throw new UserError(`Run ${input.runId.slice(0, 8)} does not exist (deleted already?)`, { field: 'runId' });
    const result = await removeRuns(tx, [run.id], `run ${run.id.slice(0, 8)} deleted`);
    await audit(tx, {
      userId: input.userId,
      action: 'run.delete',
      targetType: 'run',
      targetId: run.id,
      detail: { pipelineId: run.pipelineId, status: run.status, runs: result.runs, artifacts: result.released },
    });
    return result;
  });
}
