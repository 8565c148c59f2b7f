// Pipeline versions: every save whose content changed becomes a new immutable version.
import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { canonicalJSON } from '../../engine/canonical-json';
import type { PipelineDoc } from '../../engine/document';
import { UserError } from '../../engine/errors';
import { sha256Hex } from '../../engine/hash';
import type { Db } from '../db/client';
import { pipelines, pipelineVersions, type SystemAuthor } from '../db/schema';

export interface SaveResult {
  pipelineId: string;
  version: number;
  versionId: string;
  created: boolean;
}

/** The whole document's hash: layout changes are content too, though they never change a plan. */
export function versionHash(doc: PipelineDoc): string {
  return sha256Hex(canonicalJSON(doc));
}

/** Pipeworks itself as the author of a version: the seeded samples, or a file run with `pipeworks run`. */
export const systemAuthor = (system: SystemAuthor) => ({ system });

/** `author` is the person's user id, or `systemAuthor(...)` when no person saved it. */
export function saveVersion(db: Db, projectId: string, doc: PipelineDoc, author: string | null | { system: SystemAuthor }, message?: string): SaveResult {
  const authorId = typeof author === 'string' ? author : null;
  const authorSystem = author !== null && typeof author === 'object' ? author.system : null;
  const hash = versionHash(doc);
  return db.transaction((tx) => {
    const now = Date.now();
    const existing = tx.select().from(pipelines).where(eq(pipelines.id, doc.id)).get();
    if (existing && existing.projectId !== projectId) {
      throw new UserError(`Pipeline id "${doc.id}" already belongs to another project`, { field: 'id' });
    }
    const latest = existing
      ? tx.select().from(pipelineVersions).where(eq(pipelineVersions.pipelineId, doc.id)).orderBy(desc(pipelineVersions.version)).get()
      : undefined;
    if (latest && latest.contentHash === hash) {
      return { pipelineId: doc.id, version: latest.version, versionId: latest.id, created: false };
    }
    const version = (latest?.version ?? 0) + 1;
    if (!existing) {
      tx.insert(pipelines).values({ id: doc.id, projectId, name: doc.name, currentVersion: version, createdAt: now, updatedAt: now }).run();
    } else {
      tx.update(pipelines).set({ name: doc.name, currentVersion: version, updatedAt: now }).where(eq(pipelines.id, doc.id)).run();
    }
    const versionId = randomUUID();
    tx.insert(pipelineVersions)
      .values({ id: versionId, pipelineId: doc.id, version, doc, contentHash: hash, authorId, authorSystem, message: message ?? null, createdAt: now })
      .run();
    return { pipelineId: doc.id, version, versionId, created: true };
  });
}

export function getVersion(db: Db, pipelineId: string, version?: number) {
  const where = version
    ? and(eq(pipelineVersions.pipelineId, pipelineId), eq(pipelineVersions.version, version))
    : eq(pipelineVersions.pipelineId, pipelineId);
  return db.select().from(pipelineVersions).where(where).orderBy(desc(pipelineVersions.version)).get();
}
