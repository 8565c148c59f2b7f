// Fixtures for deployment tests: the registry's people and a model with three versions whose
// roc_auc rises (0.80, 0.85, 0.90), and an endpoint for it.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { first, type AnyDb } from '../db/any-db';
import { registerModelVersion } from '../registry/register';
import { draft, seedRegistryFixtures } from '../registry/test-kit';
import { createEndpoint } from './endpoints';

export async function seedDeployFixtures(db: AnyDb) {
  const people = await seedRegistryFixtures(db);
  const versions = [];
  for (const auc of [0.8, 0.85, 0.9]) {
    versions.push(await registerModelVersion(db, { projectId: 'p1', modelName: 'fraud', draft: draft({ metrics: { roc_auc: auc } }), userId: people.scientist.id, via: 'manual' }));
  }
  const endpoint = await createEndpoint(db, { name: 'fraud-scoring', modelId: versions[0].modelId, userId: people.analyst.id });
  return { people, versions, endpoint };
}

export type DeployFixtures = Awaited<ReturnType<typeof seedDeployFixtures>>;

export async function live(db: AnyDb, endpointId: string) {
  const { deployments } = db.t;
  const rows = await db
    .select({ role: deployments.role, versionId: deployments.versionId, trafficPercent: deployments.trafficPercent, reason: deployments.reason })
    .from(deployments)
    .where(and(eq(deployments.endpointId, endpointId), isNull(deployments.retiredAt)))
    .orderBy(asc(deployments.seq));
  return rows.sort((a, b) => a.role.localeCompare(b.role));
}

export async function revision(db: AnyDb, endpointId: string): Promise<number> {
  const { endpoints } = db.t;
  return first(await db.select({ revision: endpoints.revision }).from(endpoints).where(eq(endpoints.id, endpointId)).limit(1))!.revision;
}
