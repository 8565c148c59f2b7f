// Fixtures for serving tests and benchmarks, on either database (AnyDb): a real model artifact in
// the store, registered as a version by the registry's own registerModelVersion, and endpoints,
// deployments and keys written as the studio writes them (each change bumps the endpoint's
// revision, in one transaction with it).
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { encodeValue } from '../../nodes/codec';
import type { ModelArtifact } from '../../nodes/models/model-artifact';
import { hashToken, randomToken } from '../auth/tokens';
import type { AnyDb, Tables } from '../db/any-db';
import type { DeploymentRole, EndpointKeyScope } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { ENDPOINT_KEY_PREFIX } from '../deployments/endpoint-keys';
import { registerModelVersion, type RegisteredVersion, type VersionDraft } from '../registry/register';
import { draft } from '../registry/test-kit';
import { writeArtifactBytes } from '../store/artifact-files';
import { recordArtifact } from '../store/artifacts';

/**
 * A logistic fraud model on raw columns amount (numeric), city (categorical: Lyon, Paris) and
 * member (boolean); `bias` moves every score, so two versions answer differently.
 */
export function fraudModel(bias = 0): ModelArtifact {
  return {
    format: 'pipeworks/logistic',
    task: 'binary',
    target: 'fraud',
    inputs: [
      { name: 'amount', type: 'numeric', role: 'feature' },
      { name: 'city', type: 'categorical', role: 'feature' },
      { name: 'member', type: 'boolean', role: 'feature' },
    ],
    preprocessing: {
      version: 1,
      columns: [
        { kind: 'numeric', name: 'amount', source: 'numeric', fill: 100, offset: 100, scale: 50, missing: 0 },
        { kind: 'categorical', name: 'city', source: 'categorical', fill: 'Paris', categories: ['Lyon', 'Paris'], encoding: 'one_hot', missing: 0 },
        { kind: 'categorical', name: 'member', source: 'boolean', fill: 'false', categories: ['false', 'true'], encoding: 'one_hot', missing: 0 },
      ],
      dropped: [],
      features: ['amount', 'city=Lyon', 'city=Paris', 'city=__unseen__', 'member=false', 'member=true', 'member=__unseen__'],
    },
    labels: ['no', 'yes'],
    payload: { features: 7, weights: [2, 0.5, -0.5, 1, 0.3, -0.3, 0], intercepts: [bias] },
    training: { algorithm: 'pipeworks/logistic', leftOut: [{ name: 'transaction_id', role: 'id' }] },
  };
}

export async function ensureProject(db: AnyDb, id = 'p-serve'): Promise<string> {
  await db.insert(db.t.projects).values({ id, name: `Serving ${id}`, createdAt: 1 }).onConflictDoNothing();
  return id;
}

/**
 * Stores the artifact and registers it as the next version of `modelName` in `projectId` (by
 * default the kit's own project); `overrides` adds to the draft (reference statistics, say).
 */
export async function registerModel(db: AnyDb, dataDir: string, model: ModelArtifact, modelName = 'fraud', projectId?: string, overrides: Partial<VersionDraft> = {}): Promise<RegisteredVersion> {
  const project = projectId ?? (await ensureProject(db));
  const encoded = encodeValue({ kind: 'model', model });
  const { id, size } = await writeArtifactBytes(dataDir, encoded.bytes);
  await recordArtifact(db, { id, kind: 'model', mediaType: encoded.mediaType, size, meta: encoded.meta });
  const signature = { inputs: model.inputs, target: model.target, task: model.task, labels: model.labels };
  return registerModelVersion(db, { projectId: project, modelName, draft: draft({ format: model.format, artifactId: id, signature, ...overrides }), userId: null, via: 'manual' });
}

/** An endpoint's columns a test may set; the project defaults to the kit's own. */
export type EndpointSettings = Partial<Omit<Tables['endpoints']['$inferInsert'], 'id' | 'name' | 'modelId'>>;

export async function createEndpoint(db: AnyDb, name: string, modelId: string, settings: EndpointSettings = {}): Promise<string> {
  const id = randomUUID();
  const now = Date.now();
  const projectId = settings.projectId ?? (await ensureProject(db));
  await db.insert(db.t.endpoints).values({ id, name, modelId, createdAt: now, updatedAt: now, ...settings, projectId });
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
  await withTransaction(db, async (tx) => {
    const d = tx.t.deployments;
    await tx
      .update(d)
      .set({ retiredAt: Date.now() })
      .where(and(eq(d.endpointId, endpointId), eq(d.role, 'primary'), isNull(d.retiredAt)));
    await tx.insert(d).values({ id, endpointId, versionId, role: 'primary', trafficPercent: 100, reason: 'rollback', createdAt: Date.now() });
    await bumpRevision(tx, endpointId);
  });
  return id;
}

export async function addKey(db: AnyDb, endpointId: string, scopes: EndpointKeyScope[] = ['infer', 'feedback'], rateLimitPerMinute: number | null = null): Promise<{ id: string; key: string }> {
  const key = ENDPOINT_KEY_PREFIX + randomToken();
  const id = randomUUID();
  await withTransaction(db, async (tx) => {
    await tx.insert(tx.t.endpointKeys).values({ id, endpointId, name: 'test key', keyHash: hashToken(key), prefix: key.slice(0, 14), scopes, rateLimitPerMinute, createdAt: Date.now() });
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
