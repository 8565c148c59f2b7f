// Marking what a deleted thing owned. Deletion never touches bytes: it stamps the artifacts its
// owner referenced with when and why, and GC (gc.ts) frees those nothing else still needs.
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { artifacts } from '../db/schema';

/** SQLite's bound-variable limit is 32,766; stay well under it per statement. */
const CHUNK = 500;

/** The artifact ids the step outputs of these runs point at (every output port of every step). */
export function runOutputIds(db: Db, runIds: readonly string[]): string[] {
  const ids = new Set<string>();
  for (let i = 0; i < runIds.length; i += CHUNK) {
    const chunk = runIds.slice(i, i + CHUNK);
    const rows = db.all<{ id: string | null }>(sql`
      SELECT DISTINCT json_extract(o.value, '$.id') AS id
      FROM step_runs s, json_each(s.outputs) o
      WHERE s.outputs IS NOT NULL AND s.run_id IN (${sql.join(chunk.map((id) => sql`${id}`), sql`, `)})`);
    for (const row of rows) if (row.id) ids.add(row.id);
  }
  return [...ids];
}

/** A run and every search trial under it, at any depth, ids only. */
export function runWithTrials(db: Db, runId: string): string[] {
  const rows = db.all<{ id: string }>(sql`
    WITH RECURSIVE tree(id) AS (SELECT ${runId} UNION SELECT r.id FROM runs r JOIN tree t ON r.parent_run_id = t.id)
    SELECT id FROM tree`);
  return rows.map((r) => r.id);
}

/** Stamps `ids` as released now by `why` (e.g. "run 1a2b3c4d deleted"); GC's grace period runs from here. */
export function markReleased(db: Db, ids: readonly string[], why: string, now = Date.now()): void {
  for (let i = 0; i < ids.length; i += CHUNK) {
    db.update(artifacts)
      .set({ releasedAt: now, releasedBy: why })
      .where(inArray(artifacts.id, ids.slice(i, i + CHUNK)))
      .run();
  }
}
