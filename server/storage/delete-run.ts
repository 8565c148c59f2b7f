// Deleting runs: the rows go (steps, logs, params, metrics and search trials cascade), and the
// artifacts they pointed at are marked released for GC. Model versions registered from a run keep
// their bytes: they are GC roots of their own.
import { eq, inArray } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { audit } from '../auth/audit';
import type { Db } from '../db/client';
import { runs } from '../db/schema';
import { markReleased, runOutputIds, runWithTrials } from './release';

const ACTIVE = new Set(['queued', 'running']);

export interface DeletedRuns {
  runs: number;
  /** Artifacts marked released; GC frees those no kept run, dataset or model version still needs. */
  released: number;
}

/** Deletes `runIds` (each with its trials) in one transaction, after checking none is still going. */
export function removeRuns(db: Db, runIds: readonly string[], why: string, now = Date.now()): DeletedRuns {
  const all = [...new Set(runIds.flatMap((id) => runWithTrials(db, id)))];
  if (all.length === 0) return { runs: 0, released: 0 };
  const active = db.select({ id: runs.id, status: runs.status }).from(runs).where(inArray(runs.id, all)).all().find((r) => ACTIVE.has(r.status));
  if (active) throw new UserError(`Run ${active.id.slice(0, 8)} is still ${active.status}; cancel it before deleting it`, { field: 'runId' });
  const released = runOutputIds(db, all);
  for (const id of runIds) db.delete(runs).where(eq(runs.id, id)).run();
  markReleased(db, released, why, now);
  return { runs: all.length, released: released.length };
}

export function deleteRun(db: Db, input: { runId: string; userId: string | null }): DeletedRuns {
  return db.transaction((tx) => {
    const run = tx.select({ id: runs.id, pipelineId: runs.pipelineId, status: runs.status }).from(runs).where(eq(runs.id, input.runId)).get();
    if (!run) throw new UserError(`Run ${input.runId.slice(0, 8)} does not exist (deleted already?)`, { field: 'runId' });
    const result = removeRuns(tx, [run.id], `run ${run.id.slice(0, 8)} deleted`);
    audit(tx, {
      userId: input.userId,
      action: 'run.delete',
      targetType: 'run',
      targetId: run.id,
      detail: { pipelineId: run.pipelineId, status: run.status, runs: result.runs, artifacts: result.released },
    });
    return result;
  });
}
