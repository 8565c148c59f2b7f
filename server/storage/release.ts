// Marking what a deleted thing owned. Deletion never touches bytes: it stamps the artifacts its
// owner referenced with when and why, and GC (gc.ts) frees those nothing else still needs.
import { and, inArray, isNotNull } from 'drizzle-orm';
import type { AnyDb } from '../db/any-db';

/** SQLite's bound-variable limit is 32,766 (Postgres's 65,535); stay well under it per statement. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The artifact ids the step outputs of these runs point at (every output port of every step). */
export async function runOutputIds(db: AnyDb, runIds: readonly string[]): Promise<string[]> {
  // pg: runs (step_runs rows are pg-runs'); read here on the handle, outputs decoded by Drizzle on both.
  const { stepRuns } = db.t;
  const ids = new Set<string>();
  for (const chunk of chunks(runIds)) {
    const rows = await db.select({ outputs: stepRuns.outputs }).from(stepRuns).where(and(inArray(stepRuns.runId, chunk), isNotNull(stepRuns.outputs)));
    for (const row of rows) for (const ref of Object.values(row.outputs ?? {})) if (ref?.id) ids.add(ref.id);
  }
  return [...ids];
}

/** A run and every search trial under it, at any depth, ids only (level by level: both dialects, no recursive SQL). */
export async function runWithTrials(db: AnyDb, runId: string): Promise<string[]> {
  // pg: runs (the runs table is pg-runs'); read here on the handle.
  const { runs } = db.t;
  const seen = new Set([runId]);
  let level = [runId];
  while (level.length > 0) {
    const next: string[] = [];
    for (const chunk of chunks(level)) {
      for (const { id } of await db.select({ id: runs.id }).from(runs).where(inArray(runs.parentRunId, chunk))) {
        if (!seen.has(id)) {
          seen.add(id);
          next.push(id);
        }
      }
    }
    level = next;
  }
  return [...seen];
}

/** Stamps `ids` as released now by `why` (e.g. "run 1a2b3c4d deleted"); GC's grace period runs from here. */
export async function markReleased(db: AnyDb, ids: readonly string[], why: string, now = Date.now()): Promise<void> {
  const { artifacts } = db.t;
  for (const chunk of chunks(ids)) {
    await db.update(artifacts).set({ releasedAt: now, releasedBy: why }).where(inArray(artifacts.id, chunk));
  }
}
