// Garbage collection of artifact bytes: what nothing kept references (gc-roots.ts) and has been
// unreferenced for longer than the grace period is listed, then its row and its file removed.
import { rm } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { audit } from '../auth/audit';
import type { Db } from '../db/client';
import { artifactPath } from '../store/artifact-files';
import { GC_ROOTS } from './gc-roots';

export interface GcCandidate {
  id: string;
  kind: string;
  size: number;
  createdAt: number;
  /** When a deletion released it; null for bytes no run, dataset or model ever kept (an abandoned upload). */
  releasedAt: number | null;
  releasedBy: string | null;
}

export interface GcPlan {
  now: number;
  graceMs: number;
  /** Unreferenced and past the grace period: what a collection removes now (the first `limit`, newest release first). */
  candidates: GcCandidate[];
  free: { count: number; bytes: number };
  /** Unreferenced, but released (or written) within the grace period. */
  waiting: { count: number; bytes: number };
  /** Everything still referenced. */
  kept: { count: number; bytes: number };
}

export interface GcOptions {
  graceMs: number;
  now?: number;
  /** How many candidates to list; the totals count them all. */
  limit?: number;
}

interface Row {
  id: string;
  kind: string;
  size: number;
  created_at: number;
  released_at: number | null;
  released_by: string | null;
  referenced: number;
}

function unreferencedRows(db: Db): Row[] {
  return db.all<Row>(sql`
    WITH roots(id) AS (${GC_ROOTS})
    SELECT a.id, a.kind, a.size, a.created_at, a.released_at, a.released_by, (a.id IN (SELECT id FROM roots WHERE id IS NOT NULL)) AS referenced
    FROM artifacts a`);
}

export function planGc(db: Db, options: GcOptions): GcPlan {
  const now = options.now ?? Date.now();
  const cutoff = now - options.graceMs;
  const plan: GcPlan = { now, graceMs: options.graceMs, candidates: [], free: { count: 0, bytes: 0 }, waiting: { count: 0, bytes: 0 }, kept: { count: 0, bytes: 0 } };
  const due: Row[] = [];
  for (const row of unreferencedRows(db)) {
    const bucket = row.referenced ? plan.kept : (row.released_at ?? row.created_at) <= cutoff ? plan.free : plan.waiting;
    bucket.count++;
    bucket.bytes += row.size;
    if (bucket === plan.free) due.push(row);
  }
  due.sort((a, b) => (b.released_at ?? b.created_at) - (a.released_at ?? a.created_at) || (a.id < b.id ? -1 : 1));
  plan.candidates = due.slice(0, options.limit ?? Infinity).map((r) => ({
    id: r.id,
    kind: r.kind,
    size: r.size,
    createdAt: r.created_at,
    releasedAt: r.released_at,
    releasedBy: r.released_by,
  }));
  return plan;
}

export interface GcResult {
  removed: { count: number; bytes: number };
  /** Rows removed whose file was already gone. */
  missingFiles: number;
}

/**
 * Removes what planGc lists. The rows go first, in one statement that checks the roots again, so a
 * run that started using an artifact since the plan keeps it; then the files.
 */
export async function collectGc(db: Db, dataDir: string, options: GcOptions & { userId: string | null; via: 'cli' | 'ui' }): Promise<GcResult> {
  const now = options.now ?? Date.now();
  const cutoff = now - options.graceMs;
  const removed = db.all<{ id: string; size: number }>(sql`
    WITH roots(id) AS (${GC_ROOTS})
    DELETE FROM artifacts
    WHERE coalesce(released_at, created_at) <= ${cutoff}
      AND id NOT IN (SELECT id FROM roots WHERE id IS NOT NULL)
    RETURNING id, size`);
  let missingFiles = 0;
  for (const { id } of removed) {
    const file = artifactPath(dataDir, id);
    const existed = await rm(file).then(() => true, (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    });
    if (!existed) missingFiles++;
  }
  const bytes = removed.reduce((sum, r) => sum + r.size, 0);
  audit(db, { userId: options.userId, action: 'storage.gc', detail: { via: options.via, artifacts: removed.length, bytes, graceHours: options.graceMs / 3_600_000 } });
  return { removed: { count: removed.length, bytes }, missingFiles };
}
