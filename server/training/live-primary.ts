// The version an endpoint answers with now: its live primary deployment's model version. Read
// here as one query, as the dashboards and rule checks do, rather than the rollout's whole stack.
import { and, desc, eq, isNull } from 'drizzle-orm';
import { first, type AnyDb } from '../db/any-db';
import type { ModelVersion } from '../db/schema';

export async function livePrimaryVersion(db: AnyDb, endpointId: string): Promise<ModelVersion | null> {
  const { deployments, modelVersions } = db.t;
  const row = first(
    await db
      .select({ version: modelVersions })
      .from(deployments)
      .innerJoin(modelVersions, eq(modelVersions.id, deployments.versionId))
      .where(and(eq(deployments.endpointId, endpointId), eq(deployments.role, 'primary'), isNull(deployments.retiredAt)))
      .orderBy(desc(deployments.createdAt))
      .limit(1),
  );
  return row?.version ?? null;
}
