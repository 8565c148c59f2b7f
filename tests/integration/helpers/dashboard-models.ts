// Deployed binary classifiers written with the dialect-neutral handle, for the dashboards' tests
// on both databases (the seed kit in server/dashboard writes raw SQLite, for the bench's million rows).
import type { AnyDb } from '../../../server/db/any-db';
import { FRAUD_SIGNATURE } from '../../../server/dashboard/seed-kit';
import type { ModelSignature } from '../../../server/registry/version-types';

const signature = FRAUD_SIGNATURE as ModelSignature;

/** A user and a project to own things; once per database, whichever test comes first. */
export async function seedBase(db: AnyDb) {
  const t = db.t;
  await db.insert(t.users).values({ id: 'seeder', email: 'seeder@example.com', name: 'Seeder', role: 'scientist', passwordHash: 'x', createdAt: 0 }).onConflictDoNothing();
  await db.insert(t.projects).values({ id: 'p1', name: 'Dashboard models', createdAt: 0 }).onConflictDoNothing();
}

export async function seedModel(db: AnyDb, name: string, { at, auc = 0.9, versions = 1 }: { at: number; auc?: number; versions?: number }) {
  const t = db.t;
  const DAY = 86_400_000;
  await db.insert(t.registeredModels).values({ id: `m-${name}`, projectId: 'p1', name, lastVersion: versions, createdAt: at, updatedAt: at });
  for (let v = 1; v <= versions; v++) {
    await db.insert(t.modelVersions).values({
      id: `v-${name}-${v}`,
      modelId: `m-${name}`,
      version: v,
      source: 'import',
      format: 'onnx',
      artifactId: 'none',
      signature,
      metrics: { roc_auc: v === 1 ? auc : 0.95 },
      lineage: {} as never,
      createdAt: at + (v - 1) * DAY,
      createdBy: 'seeder',
    });
  }
  await db.insert(t.endpoints).values({ id: `e-${name}`, projectId: 'p1', name, modelId: `m-${name}`, createdAt: at, updatedAt: at });
  await db.insert(t.deployments).values({ id: `d-${name}-1`, endpointId: `e-${name}`, versionId: `v-${name}-1`, role: 'primary', trafficPercent: 100, reason: 'deploy', createdAt: at });
  return { modelId: `m-${name}`, endpointId: `e-${name}`, versionId: `v-${name}-1` };
}

