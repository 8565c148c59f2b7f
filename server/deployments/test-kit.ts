// Fixtures for deployment tests: the registry's people and a model with three versions whose
// roc_auc rises (0.80, 0.85, 0.90), and an endpoint for it.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { deployments, endpoints } from '../db/schema';
import { registerModelVersionSync } from '../registry/register-sync'; // pg: deploy
import { draft, seedRegistryFixturesSync } from '../registry/test-kit';
import { createEndpoint } from './endpoints';

export function seedDeployFixtures(db: Db) {
  const people = seedRegistryFixturesSync(db);
  const versions = [0.8, 0.85, 0.9].map((auc) =>
    registerModelVersionSync(db, { projectId: 'p1', modelName: 'fraud', draft: draft({ metrics: { roc_auc: auc } }), userId: people.scientist.id, via: 'manual' }),
  );
  const endpoint = createEndpoint(db, { name: 'fraud-scoring', modelId: versions[0].modelId, userId: people.analyst.id });
  return { people, versions, endpoint };
}

export function live(db: Db, endpointId: string) {
  return db
    .select({ role: deployments.role, versionId: deployments.versionId, trafficPercent: deployments.trafficPercent, reason: deployments.reason })
    .from(deployments)
    .where(and(eq(deployments.endpointId, endpointId), isNull(deployments.retiredAt)))
    .all()
    .sort((a, b) => a.role.localeCompare(b.role));
}

export function revision(db: Db, endpointId: string): number {
  return db.select({ revision: endpoints.revision }).from(endpoints).where(eq(endpoints.id, endpointId)).get()!.revision;
}
