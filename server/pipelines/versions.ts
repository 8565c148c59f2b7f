// Pipeline versions: every save whose content changed becomes a new immutable version. Each save
// names the version it started from. When someone else saved meanwhile, the two are merged by
// engine/merge into a new version naming both authors, or, where they clash, refused with a
// SaveConflictError; a save never overwrites a version it did not start from.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray } from 'drizzle-orm';
import { canonicalJSON } from '../../engine/canonical-json';
import { parseDocument, type PipelineDoc } from '../../engine/document';
import { UserError } from '../../engine/errors';
import { sha256Hex } from '../../engine/hash';
import { mergeDocs } from '../../engine/merge';
import { first, type AnyDb } from '../db/any-db';
import type { SystemAuthor } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { CodeEditRefusedError, codeEdits } from './code-edits';
import { notifyPipelineChanged } from './pipeline-events';
import { serverRegistry } from './registry';
import { SaveConflictError, type VersionStamp } from './save-conflict';

export interface SaveResult {
  pipelineId: string;
  version: number;
  versionId: string;
  created: boolean;
  /** Present when the save was merged with versions saved meanwhile: the stored document. */
  merged?: { doc: PipelineDoc; versions: VersionStamp[] };
}

export interface SaveOptions {
  /** The version the document was edited from; 0 for a pipeline that does not exist yet. */
  baseVersion: number;
  message?: string;
  /** False for a person whose role may not write code: a save that adds or changes code is refused. */
  mayEditCode?: boolean;
}

/** The whole document's hash: layout changes are content too, though they never change a plan. */
export function versionHash(doc: PipelineDoc): string {
  return sha256Hex(canonicalJSON(doc));
}

/** Pipeworks itself as the author of a version: the seeded samples, or a file run with `pipeworks run`. */
export const systemAuthor = (system: SystemAuthor) => ({ system });

const SYSTEM_NAMES: Record<SystemAuthor, string> = { seed: 'Pipeworks (sample)', cli: 'Pipeworks (pipeworks run)' };

type Author = string | null | { system: SystemAuthor };

/**
 * `author` is the person's user id, or `systemAuthor(...)` when no person saved it. Read, merge and
 * write are one transaction (serialized on both databases, transaction.ts), so two saves from one
 * base never both become the same version: the second merges with the first or is refused.
 */
export async function saveVersion(db: AnyDb, projectId: string, doc: PipelineDoc, author: Author, options: SaveOptions): Promise<SaveResult> {
  const authorId = typeof author === 'string' ? author : null;
  const authorSystem = author !== null && typeof author === 'object' ? author.system : null;
  const { baseVersion } = options;
  const result = await withTransaction(db, async (tx): Promise<SaveResult> => {
    const { pipelines, pipelineVersions } = tx.t;
    const now = Date.now();
    const existing = first(await tx.select().from(pipelines).where(eq(pipelines.id, doc.id)).limit(1));
    if (existing && existing.projectId !== projectId) {
      throw new UserError(`Pipeline id "${doc.id}" already belongs to another project`, { field: 'id' });
    }
    const latest = existing ? await getVersion(tx, doc.id) : null;
    const latestNumber = latest?.version ?? 0;
    if (baseVersion > latestNumber || (baseVersion === 0 && latest)) {
      throw new UserError(
        latest
          ? `Pipeline "${doc.id}" is at v${latestNumber}; a save must start from one of its versions, not ${baseVersion === 0 ? 'a new pipeline' : `v${baseVersion}`}`
          : `Pipeline "${doc.id}" has no versions yet; its first save starts from 0, not v${baseVersion}`,
        { field: 'baseVersion' },
      );
    }
    let toStore = doc;
    let merged: SaveResult['merged'];
    let mergedAuthorIds: string[] | null = null;
    if (latest && baseVersion < latestNumber) {
      const since = await versionStamps(tx, doc.id, baseVersion);
      const base = storedDoc((await getVersion(tx, doc.id, baseVersion))!.doc);
      const theirs = storedDoc(latest.doc);
      const result = mergeDocs(base, theirs, doc);
      if (result.conflicts.length > 0) {
        throw new SaveConflictError({ pipelineId: doc.id, baseVersion, since, conflicts: result.conflicts, theirs });
      }
      toStore = result.doc;
      merged = { doc: toStore, versions: since };
      mergedAuthorIds = [...new Set(since.flatMap((v) => (v.authorId && v.authorId !== authorId ? [v.authorId] : [])))];
    }
    if (options.mayEditCode === false) {
      const edits = codeEdits(latest ? storedDoc(latest.doc) : undefined, toStore, serverRegistry());
      if (edits.length > 0) throw new CodeEditRefusedError(edits);
    }
    const hash = versionHash(toStore);
    if (latest && latest.contentHash === hash) {
      return { pipelineId: doc.id, version: latest.version, versionId: latest.id, created: false, ...(merged ? { merged } : {}) };
    }
    const version = latestNumber + 1;
    if (!existing) {
      await tx.insert(pipelines).values({ id: doc.id, projectId, name: toStore.name, currentVersion: version, createdAt: now, updatedAt: now });
    } else {
      await tx.update(pipelines).set({ name: toStore.name, currentVersion: version, updatedAt: now }).where(eq(pipelines.id, doc.id));
    }
    const versionId = randomUUID();
    const message = merged ? mergedMessage(options.message, merged.versions) : (options.message ?? null);
    await tx
      .insert(pipelineVersions)
      .values({ id: versionId, pipelineId: doc.id, version, doc: toStore, contentHash: hash, authorId, authorSystem, message, baseVersion, mergedAuthorIds, createdAt: now });
    return { pipelineId: doc.id, version, versionId, created: true, ...(merged ? { merged } : {}) };
  });
  if (result.created) notifyPipelineChanged(doc.id);
  return result;
}

function mergedMessage(message: string | undefined, since: VersionStamp[]): string {
  const others = since.map((v) => `v${v.version} by ${v.author}`).join(', ');
  return `${message ?? 'Saved'} (merged with ${others})`.slice(0, 500);
}

/** Documents were validated when stored; a stored one that no longer parses is an internal fault. */
function storedDoc(json: unknown): PipelineDoc {
  const parsed = parseDocument(json);
  if (!parsed.ok) throw new Error(`A stored pipeline version does not parse: ${parsed.error.map((i) => i.message).join('; ')}`);
  return parsed.value;
}

/** Who saved each version after `after`, and when, oldest first. */
export async function versionStamps(db: AnyDb, pipelineId: string, after: number): Promise<VersionStamp[]> {
  const { pipelineVersions, users } = db.t;
  const rows = await db
    .select({ version: pipelineVersions.version, authorId: pipelineVersions.authorId, authorSystem: pipelineVersions.authorSystem, createdAt: pipelineVersions.createdAt })
    .from(pipelineVersions)
    .where(and(eq(pipelineVersions.pipelineId, pipelineId), gt(pipelineVersions.version, after)))
    .orderBy(asc(pipelineVersions.version));
  const ids = [...new Set(rows.flatMap((r) => (r.authorId ? [r.authorId] : [])))];
  const named = ids.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)) : [];
  const names = new Map(named.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    version: r.version,
    author: r.authorSystem ? SYSTEM_NAMES[r.authorSystem] : r.authorId ? (names.get(r.authorId) ?? 'a removed user') : 'unknown',
    authorId: r.authorId,
    createdAt: r.createdAt,
  }));
}

/** The number of a pipeline's newest version; 0 when it has none. */
export async function latestVersionNumber(db: AnyDb, pipelineId: string): Promise<number> {
  return (await getVersion(db, pipelineId))?.version ?? 0;
}

/** A pipeline's newest version, or the one numbered `version`; null when there is none. */
export async function getVersion(db: AnyDb, pipelineId: string, version?: number) {
  const { pipelineVersions } = db.t;
  const where = version
    ? and(eq(pipelineVersions.pipelineId, pipelineId), eq(pipelineVersions.version, version))
    : eq(pipelineVersions.pipelineId, pipelineId);
  return first(await db.select().from(pipelineVersions).where(where).orderBy(desc(pipelineVersions.version)).limit(1));
}

/**
 * Restoring an old version: a new version with the old one's content, based on `baseVersion`, the
 * latest the person has seen. If someone saved after that, the usual merge rule applies.
 */
export async function restoreVersion(db: AnyDb, pipelineId: string, from: number, author: string, baseVersion: number, mayEditCode = true): Promise<SaveResult> {
  const { pipelines } = db.t;
  const pipeline = first(await db.select({ projectId: pipelines.projectId }).from(pipelines).where(eq(pipelines.id, pipelineId)).limit(1));
  const old = pipeline ? await getVersion(db, pipelineId, from) : null;
  if (!pipeline || !old) throw new UserError(`Pipeline "${pipelineId}" has no version ${from} to restore`, { field: 'version' });
  return saveVersion(db, pipeline.projectId, storedDoc(old.doc), author, { baseVersion, message: `Restored v${from}`, mayEditCode });
}
