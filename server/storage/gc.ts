// Garbage collection of artifact bytes: what nothing kept references (gc-roots.ts) and has been
// unreferenced for longer than the grace period is listed, then its row and its file removed.
import { rm } from 'node:fs/promises';
import { and, lte, not, sql } from 'drizzle-orm';
import type { AnyDb } from '../db/any-db';
import { artifactPath } from '../store/artifact-files';
import { isGcRoot } from './gc-roots';
import { audit } from '../auth/audit';

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

async function artifactRows(db: AnyDb) {
  const { artifacts } = db.t;
  return db
    .select({
      id: artifacts.id,
      kind: artifacts.kind,
      size: artifacts.size,
      createdAt: artifacts.createdAt,
      releasedAt: artifacts.releasedAt,
      releasedBy: artifacts.releasedBy,
      referenced: sql<number>`(CASE WHEN ${isGcRoot(db.dialect, artifacts.id)} THEN 1 ELSE 0 END)`,
    })
    .from(artifacts);
}

type Row = Awaited<ReturnType<typeof artifactRows>>[number];

export async function planGc(db: AnyDb, options: GcOptions): Promise<GcPlan> {
  const now = options.now ?? Date.now();
  const cutoff = now - options.graceMs;
  const plan: GcPlan = { now, graceMs: options.graceMs, candidates: [], free: { count: 0, bytes: 0 }, waiting: { count: 0, bytes: 0 }, kept: { count: 0, bytes: 0 } };
  const due: Row[] = [];
  for (const row of await artifactRows(db)) {
    const bucket = Number(row.referenced) === 1 ? plan.kept : (row.releasedAt ?? row.createdAt) <= cutoff ? plan.free : plan.waiting;
    bucket.count++;
    bucket.bytes += row.size;
    if (bucket === plan.free) due.push(row);
  }
  due.sort((a, b) => (b.releasedAt ?? b.createdAt) - (a.releasedAt ?? a.createdAt) || (a.id < b.id ? -1 : 1));
  plan.candidates = due.slice(0, options.limit ?? Infinity).map((r) => ({
    id: r.id,
    kind: r.kind,
    size: r.size,
    createdAt: r.createdAt,
    releasedAt: r.releasedAt,
    releasedBy: r.releasedBy,
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
export async function collectGc(db: AnyDb, dataDir: string, options: GcOptions & { userId: string | null; via: 'cli' | 'ui' }): Promise<GcResult> {
  const now = options.now ?? Date.now();
  const cutoff = now - options.graceMs;
  const { artifacts } = db.t;
  const removed = await db
    .delete(artifacts)
    .where(and(lte(sql`coalesce(${artifacts.releasedAt}, ${artifacts.createdAt})`, cutoff), not(isGcRoot(db.dialect, artifacts.id))))
    .returning({ id: artifacts.id, size: artifacts.size });
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
  await audit(db, { userId: options.userId, action: 'storage.gc', detail: { via: options.via, artifacts: removed.length, bytes, graceHours: options.graceMs / 3_600_000 } });
  return { removed: { count: removed.length, bytes }, missingFiles };
}
