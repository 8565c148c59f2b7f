// What the deployment pages read: the list of endpoints with what serves each, and one endpoint
// with its live split, history, keys, pending requests and the primary version's signature.
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { first, type AnyDb } from '../db/any-db';
import { namesOfUsers } from '../registry/registry-read';
import { listEndpointKeys } from './endpoint-keys';

export async function listEndpoints(db: AnyDb, scope: { projectId?: string; modelId?: string } = {}) {
  const { endpoints, projects, registeredModels } = db.t;
  const rows = await db
    .select({ endpoint: endpoints, modelName: registeredModels.name, projectName: projects.name })
    .from(endpoints)
    .innerJoin(registeredModels, eq(registeredModels.id, endpoints.modelId))
    .innerJoin(projects, eq(projects.id, endpoints.projectId))
    .where(and(scope.projectId ? eq(endpoints.projectId, scope.projectId) : undefined, scope.modelId ? eq(endpoints.modelId, scope.modelId) : undefined))
    .orderBy(asc(endpoints.name))
    .limit(500);
  const live = await liveWithVersions(db, rows.map((r) => r.endpoint.id));
  return rows.map(({ endpoint, modelName, projectName }) => ({
    id: endpoint.id,
    name: endpoint.name,
    projectId: endpoint.projectId,
    projectName,
    modelId: endpoint.modelId,
    modelName,
    undeployedAt: endpoint.undeployedAt,
    updatedAt: endpoint.updatedAt,
    live: live.filter((d) => d.endpointId === endpoint.id),
  }));
}

export type EndpointListItem = Awaited<ReturnType<typeof listEndpoints>>[number];

export async function readEndpoint(db: AnyDb, endpointId: string) {
  const { deployments, deployRequests, endpoints, modelVersions, projects, registeredModels } = db.t;
  const row = first(
    await db
      .select({ endpoint: endpoints, modelName: registeredModels.name, projectName: projects.name })
      .from(endpoints)
      .innerJoin(registeredModels, eq(registeredModels.id, endpoints.modelId))
      .innerJoin(projects, eq(projects.id, endpoints.projectId))
      .where(eq(endpoints.id, endpointId))
      .limit(1),
  );
  if (!row) return null;
  // Newest first; rows of one change share created_at, and `seq` (insertion order) breaks the tie.
  const history = (
    await db
      .select({ deployment: deployments, version: modelVersions.version })
      .from(deployments)
      .innerJoin(modelVersions, eq(modelVersions.id, deployments.versionId))
      .where(eq(deployments.endpointId, endpointId))
      .orderBy(desc(deployments.createdAt), desc(deployments.seq))
      .limit(100)
  ).map(({ deployment, version }) => ({ ...deployment, version }));
  const requests = (
    await db
      .select({ request: deployRequests, version: modelVersions.version })
      .from(deployRequests)
      .innerJoin(modelVersions, eq(modelVersions.id, deployRequests.versionId))
      .where(and(eq(deployRequests.endpointId, endpointId), eq(deployRequests.state, 'pending')))
      .orderBy(asc(deployRequests.requestedAt))
  ).map(({ request, version }) => ({ ...request, version }));
  const live = history.filter((d) => d.retiredAt === null);
  const primary = live.find((d) => d.role === 'primary');
  const signatureVersionId = primary?.versionId ?? history[0]?.versionId;
  const signature = signatureVersionId
    ? (first(await db.select({ signature: modelVersions.signature }).from(modelVersions).where(eq(modelVersions.id, signatureVersionId)).limit(1))?.signature ?? null)
    : null;
  const names = await namesOfUsers(db, [...history.flatMap((d) => [d.createdBy, d.retiredBy]), ...requests.map((r) => r.requestedBy), row.endpoint.createdBy]);
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    ...row.endpoint,
    modelName: row.modelName,
    projectName: row.projectName,
    live,
    history: history.map((d) => ({ ...d, createdByName: name(d.createdBy), retiredByName: name(d.retiredBy) })),
    pendingRequests: requests.map((r) => ({ ...r, requestedByName: name(r.requestedBy) })),
    keys: await listEndpointKeys(db, endpointId),
    signature,
    createdByName: name(row.endpoint.createdBy),
  };
}

export type EndpointDetail = NonNullable<Awaited<ReturnType<typeof readEndpoint>>>;

async function liveWithVersions(db: AnyDb, endpointIds: string[]) {
  if (endpointIds.length === 0) return [];
  const { deployments, modelVersions } = db.t;
  return db
    .select({ endpointId: deployments.endpointId, role: deployments.role, trafficPercent: deployments.trafficPercent, version: modelVersions.version, versionId: deployments.versionId })
    .from(deployments)
    .innerJoin(modelVersions, eq(modelVersions.id, deployments.versionId))
    .where(and(inArray(deployments.endpointId, endpointIds), isNull(deployments.retiredAt)))
    .orderBy(asc(deployments.seq));
}
