// pg: runs, registry, deploy. The sync twins of artifacts.ts for callers still on the legacy sync
// Db (the run manager, browser step reports, ONNX import, the serving test kit). They insert the
// very row artifacts.ts builds (artifactRow); delete this file once the last caller takes an AnyDb.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { artifacts, type Artifact } from '../db/schema';
import { isArtifactId } from './artifact-files';
import { artifactRow, type ArtifactRecord } from './artifacts';

/** recordArtifact on the legacy Db: false when the artifact was already known. */
export function recordArtifactSync(db: Db, record: ArtifactRecord): boolean {
  return db.insert(artifacts).values(artifactRow(record)).onConflictDoNothing({ target: artifacts.id }).run().changes > 0;
}

/** getArtifact on the legacy Db. */
export function getArtifactSync(db: Db, id: string): Artifact | null {
  if (!isArtifactId(id)) return null;
  return db.select().from(artifacts).where(eq(artifacts.id, id)).get() ?? null;
}
