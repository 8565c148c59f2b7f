// The artifact registry rows, on SQLite or Postgres. The bytes themselves are in artifact-files.ts.
// Content-addressed: the id is the sha256 of the bytes, so a second record of the same bytes (by
// another run, a browser upload, a worker) is a no-op on both databases (insert … on conflict do nothing).
import { eq } from 'drizzle-orm';
import { first, type AnyDb } from '../db/any-db';
import type { Artifact } from '../db/schema';
import { InvalidArtifactIdError } from './artifact-errors';
import { isArtifactId } from './artifact-files';

export interface ArtifactRecord {
  id: string;
  kind: string;
  mediaType: string;
  size: number;
  meta?: Record<string, unknown>;
  runId?: string | null;
}

/** The row recordArtifact inserts: both dialects' versions build it here. */
export function artifactRow(record: ArtifactRecord) {
  if (!isArtifactId(record.id)) throw new InvalidArtifactIdError(record.id);
  return {
    id: record.id,
    kind: record.kind,
    mediaType: record.mediaType,
    size: record.size,
    meta: record.meta ?? {},
    createdAt: Date.now(),
    createdByRunId: record.runId ?? null,
  };
}

/** Records an artifact once; returns false when it was already known (same content, same id). */
export async function recordArtifact(db: AnyDb, record: ArtifactRecord): Promise<boolean> {
  const row = artifactRow(record);
  const { artifacts } = db.t;
  const inserted = await db.insert(artifacts).values(row).onConflictDoNothing({ target: artifacts.id }).returning({ id: artifacts.id });
  return inserted.length > 0;
}

export async function getArtifact(db: AnyDb, id: string): Promise<Artifact | null> {
  if (!isArtifactId(id)) return null;
  const { artifacts } = db.t;
  return first(await db.select().from(artifacts).where(eq(artifacts.id, id)).limit(1));
}

export async function hasArtifact(db: AnyDb, id: string): Promise<boolean> {
  if (!isArtifactId(id)) return false;
  const { artifacts } = db.t;
  return first(await db.select({ id: artifacts.id }).from(artifacts).where(eq(artifacts.id, id)).limit(1)) !== null;
}
