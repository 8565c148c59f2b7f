// The artifact registry rows. The bytes themselves are in artifact-files.ts.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { artifacts, type Artifact } from '../db/schema';
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

/** Records an artifact once; returns false when it was already known (same content, same id). */
export function recordArtifact(db: Db, record: ArtifactRecord): boolean {
  if (!isArtifactId(record.id)) throw new InvalidArtifactIdError(record.id);
  const result = db
    .insert(artifacts)
    .values({
      id: record.id,
      kind: record.kind,
      mediaType: record.mediaType,
      size: record.size,
      meta: record.meta ?? {},
      createdAt: Date.now(),
      createdByRunId: record.runId ?? null,
    })
    .onConflictDoNothing({ target: artifacts.id })
    .run();
  return result.changes > 0;
}

export function getArtifact(db: Db, id: string): Artifact | null {
  if (!isArtifactId(id)) return null;
  return db.select().from(artifacts).where(eq(artifacts.id, id)).get() ?? null;
}

export function hasArtifact(db: Db, id: string): boolean {
  if (!isArtifactId(id)) return false;
  return db.select({ id: artifacts.id }).from(artifacts).where(eq(artifacts.id, id)).get() !== undefined;
}
