// What the deployment pages read: the list of endpoints with what serves each, and one endpoint
// with its live split, history, keys, pending requests and the primary version's signature.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { deployments, deployRequests, endpoints, modelVersions, projects, registeredModels } from '../db/schema';
import { userNames } from '../registry/registry-read';
import { listEndpointKeys } from './endpoint-keys';

export function listEndpoints(db: Db, scope: { projectId?: string; modelId?: string } = {}) {
  const rows = db
    .select({ endpoint: endpoints, modelName: registeredModels.name, projectName: projects.name })
    .from(endpoints)
    .innerJoin(registeredModels, eq(registeredModels.id, endpoints.modelId))
    .innerJoin(projects, eq(projects.id, endpoints.projectId))
    .where(and(scope.projectId ? eq(endpoints.projectId, scope.projectId) : undefined, scope.modelId ? eq(endpoints.modelId, scope.modelId) : undefined))
    .orderBy(asc(endpoints.name))
    .limit(500)
    .all();
  const live = liveWithVersions(db, rows.map((r) => r.endpoint.id));
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

export type EndpointListItem = ReturnType<typeof listEndpoints>[number];

export function readEndpoint(db: Db, endpointId: string) {
  const row = db
    .select({ endpoint: endpoints, modelName: registeredModels.name, projectName: projects.name })
    .from(endpoints)
    .innerJoin(registeredModels, eq(registeredModels.id, endpoints.modelId))
    .innerJoin(projects, eq(projects.id, endpoints.projectId))
    .where(eq(endpoints.id, endpointId))
    .get();
  if (!row) return null;
  const history = db
    .select({ deployment: deployments, version: modelVersions.version })
    .from(deployments)
    .innerJoin(modelVersions, eq(modelVersions.id, deployments.versionId))
    .where(eq(deployments.endpointId, endpointId))
    .orderBy(desc(deployments.createdAt), desc(sql.raw(`"deployments".rowid`)))
    .limit(100)
    .all()
    .map(({ deployment, version }) => ({ ...deployment, version }));
  const requests = db
    .select({ request: deployRequests, version: modelVersions.version })
    .from(deployRequests)
    .innerJoin(modelVersions, eq(modelVersions.id, deployRequests.versionId))
    .where(and(eq(deployRequests.endpointId, endpointId), eq(deployRequests.state, 'pending')))
    .orderBy(asc(deployRequests.requestedAt))
    .all()
    .map(({ request, version }) => ({ ...request, version }));
  const live = history.filter((d) => d.retiredAt === null);
  const primary = live.find((d) => d.role === 'primary');
  const signatureVersionId = primary?.versionId ?? history[0]?.versionId;
  const signature = signatureVersionId ? (db.select({ signature: modelVersions.signature }).from(modelVersions).where(eq(modelVersions.id, signatureVersionId)).get()?.signature ?? null) : null;
  const names = userNames(db, [...history.flatMap((d) => [d.createdBy, d.retiredBy]), ...requests.map((r) => r.requestedBy), row.endpoint.createdBy]);
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    ...row.endpoint,
    modelName: row.modelName,
    projectName: row.projectName,
    live,
    history: history.map((d) => ({ ...d, createdByName: name(d.createdBy), retiredByName: name(d.retiredBy) })),
    pendingRequests: requests.map((r) => ({ ...r, requestedByName: name(r.requestedBy) })),
    keys: listEndpointKeys(db, endpointId),
    signature,
    createdByName: name(row.endpoint.createdBy),
  };
}

export type EndpointDetail = NonNullable<ReturnType<typeof readEndpoint>>;

function liveWithVersions(db: Db, endpointIds: string[]) {
  if (endpointIds.length === 0) return [];
  return db
    .select({ endpointId: deployments.endpointId, role: deployments.role, trafficPercent: deployments.trafficPercent, version: modelVersions.version, versionId: deployments.versionId })
    .from(deployments)
    .innerJoin(modelVersions, eq(modelVersions.id, deployments.versionId))
    .where(and(inArray(deployments.endpointId, endpointIds), isNull(deployments.retiredAt)))
    .all();
}
