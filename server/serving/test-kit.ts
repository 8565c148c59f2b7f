// Fixtures for serving tests and benchmarks: a real model artifact in the store, registered as a
// version, and endpoints, deployments and keys written as the studio writes them (each change
// bumps the endpoint's revision).
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { encodeValue } from '../../nodes/codec';
import type { ModelArtifact } from '../../nodes/models/model-artifact';
import { hashToken, randomToken } from '../auth/tokens';
import type { Db } from '../db/client';
import { deployments, endpointKeys, endpoints, projects, type DeploymentRole, type EndpointKeyScope } from '../db/schema';
import type { VersionDraft } from '../registry/register';
import { registerModelVersionSync } from '../registry/register-sync'; // pg: deploy
import { draft } from '../registry/test-kit';
import { writeArtifactBytes } from '../store/artifact-files';
import { recordArtifactSync } from '../store/artifacts-sync'; // pg: deploy
import { ENDPOINT_KEY_PREFIX } from '../deployments/endpoint-keys';

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

export function ensureProject(db: Db, id = 'p-serve'): string {
  db.insert(projects).values({ id, name: `Serving ${id}`, createdAt: 1 }).onConflictDoNothing().run();
  return id;
}

/** Stores the artifact and registers it as the next version of `modelName`; `overrides` adds to the draft (reference statistics, say). */
export async function registerModel(db: Db, dataDir: string, model: ModelArtifact, modelName = 'fraud', projectId = ensureProject(db), overrides: Partial<VersionDraft> = {}) {
  const encoded = encodeValue({ kind: 'model', model });
  const { id, size } = await writeArtifactBytes(dataDir, encoded.bytes);
  recordArtifactSync(db, { id, kind: 'model', mediaType: encoded.mediaType, size, meta: encoded.meta });
  const signature = { inputs: model.inputs, target: model.target, task: model.task, labels: model.labels };
  return registerModelVersionSync(db, { projectId, modelName, draft: draft({ format: model.format, artifactId: id, signature, ...overrides }), userId: null, via: 'manual' });
}

export function createEndpoint(db: Db, name: string, modelId: string, settings: Partial<typeof endpoints.$inferInsert> = {}): string {
  const id = randomUUID();
  const now = Date.now();
  db.insert(endpoints).values({ id, projectId: ensureProject(db), name, modelId, createdAt: now, updatedAt: now, ...settings }).run();
  return id;
}

export function bumpRevision(db: Db, endpointId: string): void {
  db.update(endpoints).set({ revision: sql`${endpoints.revision} + 1`, updatedAt: Date.now() }).where(eq(endpoints.id, endpointId)).run();
}

export function deploy(db: Db, endpointId: string, versionId: string, role: DeploymentRole = 'primary', trafficPercent = role === 'primary' ? 100 : role === 'canary' ? 10 : 0): string {
  const id = randomUUID();
  db.transaction((tx) => {
    tx.insert(deployments).values({ id, endpointId, versionId, role, trafficPercent, reason: role === 'primary' ? 'deploy' : role, createdAt: Date.now() }).run();
    bumpRevision(tx, endpointId);
  });
  return id;
}

/** Retires the live primary and makes `versionId` primary, in one transaction, as a rollback does. */
export function replacePrimary(db: Db, endpointId: string, versionId: string): string {
  const id = randomUUID();
  db.transaction((tx) => {
    tx.update(deployments)
      .set({ retiredAt: Date.now() })
      .where(sql`${deployments.endpointId} = ${endpointId} AND ${deployments.role} = 'primary' AND ${deployments.retiredAt} IS NULL`)
      .run();
    tx.insert(deployments).values({ id, endpointId, versionId, role: 'primary', trafficPercent: 100, reason: 'rollback', createdAt: Date.now() }).run();
    bumpRevision(tx, endpointId);
  });
  return id;
}

export function addKey(db: Db, endpointId: string, scopes: EndpointKeyScope[] = ['infer', 'feedback'], rateLimitPerMinute: number | null = null): { id: string; key: string } {
  const key = ENDPOINT_KEY_PREFIX + randomToken();
  const id = randomUUID();
  db.transaction((tx) => {
    tx.insert(endpointKeys)
      .values({ id, endpointId, name: 'test key', keyHash: hashToken(key), prefix: key.slice(0, 14), scopes, rateLimitPerMinute, createdAt: Date.now() })
      .run();
    bumpRevision(tx, endpointId);
  });
  return { id, key };
}

export function revokeKey(db: Db, endpointId: string, keyId: string): void {
  db.transaction((tx) => {
    tx.update(endpointKeys).set({ revokedAt: Date.now() }).where(eq(endpointKeys.id, keyId)).run();
    bumpRevision(tx, endpointId);
  });
}

export function undeploy(db: Db, endpointId: string): void {
  db.update(endpoints).set({ undeployedAt: Date.now(), revision: sql`${endpoints.revision} + 1` }).where(eq(endpoints.id, endpointId)).run();
}
