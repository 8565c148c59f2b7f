// Serving fixtures on either database (AnyDb): a model artifact in the store and its version row,
// endpoints, deployments and keys written as the studio writes them (each change bumps the
// endpoint's revision, in one transaction). test-kit.ts has the same on the legacy SQLite handle.
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { encodeValue } from '../../nodes/codec';
import type { ModelArtifact } from '../../nodes/models/model-artifact';
import { hashToken, randomToken } from '../auth/tokens';
import type { AnyDb } from '../db/any-db';
import type { DeploymentRole, EndpointKeyScope, UnseenCategoryPolicy } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { ENDPOINT_KEY_PREFIX } from '../deployments/endpoint-keys';
import { writeArtifactBytes } from '../store/artifact-files';

export async function ensureProject(db: AnyDb, id = 'p-serve'): Promise<string> {
  await db.insert(db.t.projects).values({ id, name: `Serving ${id}`, createdAt: 1 }).onConflictDoNothing();
  return id;
}

/**
 * Writes the artifact to the store and its model version row (the next version of `modelName`),
 * as registration leaves them for serving: serving reads only the version's format, artifact and
 * signature. (Registration itself belongs to the registry's store.)
 */
export async function registerModel(db: AnyDb, dataDir: string, model: ModelArtifact, modelName = 'fraud') {
  const projectId = await ensureProject(db);
  const encoded = encodeValue({ kind: 'model', model });
  const { id: artifactId } = await writeArtifactBytes(dataDir, encoded.bytes);
  const now = Date.now();
  const { registeredModels: m, modelVersions: v } = db.t;
  return withTransaction(db, async (tx) => {
    await tx.insert(m).values({ id: randomUUID(), projectId, name: modelName, createdAt: now, updatedAt: now }).onConflictDoNothing();
    const [found] = await tx.select({ id: m.id, lastVersion: m.lastVersion }).from(m).where(and(eq(m.projectId, projectId), eq(m.name, modelName)));
    const version = found.lastVersion + 1;
    await tx.update(m).set({ lastVersion: version, updatedAt: now }).where(eq(m.id, found.id));
    const versionId = randomUUID();
    await tx.insert(v).values({
      id: versionId,
      modelId: found.id,
      version,
      source: 'import',
      format: model.format,
      artifactId,
      signature: { inputs: model.inputs, target: model.target, task: model.task, labels: model.labels } as never,
      metrics: {},
      lineage: { run: null, pipeline: null, stepId: null, output: null, steps: [], sources: [] } as never,
      createdAt: now,
    });
    return { modelId: found.id, versionId, version };
  });
}

export async function createEndpoint(db: AnyDb, name: string, modelId: string, settings: { rateLimitPerMinute?: number; logSampleRate?: number; maxBodyBytes?: number; unseenCategories?: UnseenCategoryPolicy } = {}): Promise<string> {
  const id = randomUUID();
  const now = Date.now();
  await db.insert(db.t.endpoints).values({ id, projectId: await ensureProject(db), name, modelId, createdAt: now, updatedAt: now, ...settings });
  return id;
}

async function bumpRevision(tx: AnyDb, endpointId: string, extra: { undeployedAt?: number } = {}): Promise<void> {
  const e = tx.t.endpoints;
  await tx
    .update(e)
    .set({ ...extra, revision: sql`${e.revision} + 1`, updatedAt: Date.now() })
    .where(eq(e.id, endpointId));
}

export async function deploy(db: AnyDb, endpointId: string, versionId: string, role: DeploymentRole = 'primary', trafficPercent = role === 'primary' ? 100 : role === 'canary' ? 10 : 0): Promise<string> {
  const id = randomUUID();
  await withTransaction(db, async (tx) => {
    await tx.insert(tx.t.deployments).values({ id, endpointId, versionId, role, trafficPercent, reason: role === 'primary' ? 'deploy' : role, createdAt: Date.now() });
    await bumpRevision(tx, endpointId);
  });
  return id;
}

/** Retires the live primary and makes `versionId` primary, in one transaction, as a rollback does. */
export async function replacePrimary(db: AnyDb, endpointId: string, versionId: string): Promise<string> {
  const id = randomUUID();
  const d = db.t.deployments;
  await withTransaction(db, async (tx) => {
    await tx
      .update(d)
      .set({ retiredAt: Date.now() })
      .where(and(eq(d.endpointId, endpointId), eq(d.role, 'primary'), isNull(d.retiredAt)));
    await tx.insert(d).values({ id, endpointId, versionId, role: 'primary', trafficPercent: 100, reason: 'rollback', createdAt: Date.now() });
    await bumpRevision(tx, endpointId);
  });
  return id;
}

export async function addKey(db: AnyDb, endpointId: string, scopes: EndpointKeyScope[] = ['infer', 'feedback']): Promise<{ id: string; key: string }> {
  const key = ENDPOINT_KEY_PREFIX + randomToken();
  const id = randomUUID();
  await withTransaction(db, async (tx) => {
    await tx.insert(tx.t.endpointKeys).values({ id, endpointId, name: 'test key', keyHash: hashToken(key), prefix: key.slice(0, 14), scopes, createdAt: Date.now() });
    await bumpRevision(tx, endpointId);
  });
  return { id, key };
}

export async function revokeKey(db: AnyDb, endpointId: string, keyId: string): Promise<void> {
  await withTransaction(db, async (tx) => {
    await tx.update(tx.t.endpointKeys).set({ revokedAt: Date.now() }).where(eq(tx.t.endpointKeys.id, keyId));
    await bumpRevision(tx, endpointId);
  });
}

export async function undeploy(db: AnyDb, endpointId: string): Promise<void> {
  await bumpRevision(db, endpointId, { undeployedAt: Date.now() });
}
