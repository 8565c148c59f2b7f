// One model, or one version, with everything its page shows.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { aliasRequests, modelAliases, modelVersionParams, modelVersions, pipelineVersions, projects, registeredModels, runs, users } from '../db/schema';
import { readRegistrySettings } from './registry-settings';

export function userNames(db: Db, ids: (string | null | undefined)[]): Map<string, string> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return new Map();
  return new Map(db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted)).all().map((u) => [u.id, u.name]));
}

export function readModel(db: Db, modelId: string) {
  const model = db
    .select({
      id: registeredModels.id,
      name: registeredModels.name,
      description: registeredModels.description,
      projectId: registeredModels.projectId,
      projectName: projects.name,
      lastVersion: registeredModels.lastVersion,
      createdBy: registeredModels.createdBy,
      createdAt: registeredModels.createdAt,
      updatedAt: registeredModels.updatedAt,
    })
    .from(registeredModels)
    .innerJoin(projects, eq(projects.id, registeredModels.projectId))
    .where(eq(registeredModels.id, modelId))
    .get();
  if (!model) return null;
  const aliases = db
    .select({ alias: modelAliases.alias, versionId: modelAliases.versionId, version: modelVersions.version, setBy: modelAliases.setBy, setAt: modelAliases.setAt })
    .from(modelAliases)
    .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
    .where(eq(modelAliases.modelId, modelId))
    .orderBy(asc(modelAliases.alias))
    .all();
  const requests = pendingRequests(db, { modelId });
  const names = userNames(db, [model.createdBy, ...aliases.map((a) => a.setBy)]);
  return {
    ...model,
    createdByName: model.createdBy ? (names.get(model.createdBy) ?? null) : null,
    aliases: aliases.map((a) => ({ ...a, setByName: a.setBy ? (names.get(a.setBy) ?? null) : null })),
    pendingRequests: requests,
    settings: readRegistrySettings(db, model.projectId),
  };
}

/** Pending alias requests, oldest first: what approvers are asked to decide. */
export function pendingRequests(db: Db, scope: { modelId?: string; projectId?: string }) {
  const rows = db
    .select({
      id: aliasRequests.id,
      modelId: aliasRequests.modelId,
      modelName: registeredModels.name,
      projectId: registeredModels.projectId,
      alias: aliasRequests.alias,
      versionId: aliasRequests.versionId,
      fromVersionId: aliasRequests.fromVersionId,
      requestedBy: aliasRequests.requestedBy,
      requestedAt: aliasRequests.requestedAt,
      comment: aliasRequests.comment,
    })
    .from(aliasRequests)
    .innerJoin(registeredModels, eq(registeredModels.id, aliasRequests.modelId))
    .where(
      and(
        eq(aliasRequests.state, 'pending'),
        scope.modelId ? eq(aliasRequests.modelId, scope.modelId) : undefined,
        scope.projectId ? eq(registeredModels.projectId, scope.projectId) : undefined,
      ),
    )
    .orderBy(asc(aliasRequests.requestedAt))
    .limit(200)
    .all();
  const versionIds = rows.flatMap((r) => [r.versionId, r.fromVersionId]).filter((id): id is string => id !== null);
  const numbers = new Map(
    versionIds.length ? db.select({ id: modelVersions.id, version: modelVersions.version }).from(modelVersions).where(inArray(modelVersions.id, versionIds)).all().map((v) => [v.id, v.version]) : [],
  );
  const names = userNames(db, rows.map((r) => r.requestedBy));
  return rows.map((r) => ({
    ...r,
    to: r.versionId ? (numbers.get(r.versionId) ?? null) : null,
    from: r.fromVersionId ? (numbers.get(r.fromVersionId) ?? null) : null,
    requestedByName: r.requestedBy ? (names.get(r.requestedBy) ?? null) : null,
  }));
}

export function readVersion(db: Db, modelId: string, version: number) {
  const row = db
    .select()
    .from(modelVersions)
    .where(and(eq(modelVersions.modelId, modelId), eq(modelVersions.version, version)))
    .get();
  if (!row) return null;
  const model = db.select({ name: registeredModels.name, projectId: registeredModels.projectId }).from(registeredModels).where(eq(registeredModels.id, modelId)).get()!;
  const params = db.select({ key: modelVersionParams.key, value: modelVersionParams.value }).from(modelVersionParams).where(eq(modelVersionParams.versionId, row.id)).orderBy(asc(modelVersionParams.key)).all();
  const aliases = db.select({ alias: modelAliases.alias }).from(modelAliases).where(eq(modelAliases.versionId, row.id)).orderBy(asc(modelAliases.alias)).all();
  const run = row.runId ? (db.select({ id: runs.id, status: runs.status }).from(runs).where(eq(runs.id, row.runId)).get() ?? null) : null;
  const pipelineVersion = row.pipelineVersionId
    ? (db.select({ id: pipelineVersions.id, version: pipelineVersions.version }).from(pipelineVersions).where(eq(pipelineVersions.id, row.pipelineVersionId)).get() ?? null)
    : null;
  const history = db
    .select({ version: modelVersions.version })
    .from(modelVersions)
    .where(eq(modelVersions.modelId, modelId))
    .orderBy(desc(modelVersions.version))
    .all()
    .map((v) => v.version);
  const names = userNames(db, [row.createdBy, row.deletedBy]);
  return {
    ...row,
    modelName: model.name,
    projectId: model.projectId,
    params,
    aliases: aliases.map((a) => a.alias),
    run,
    pipelineVersion,
    versions: history,
    createdByName: row.createdBy ? (names.get(row.createdBy) ?? null) : null,
  };
}

export type ModelDetail = NonNullable<ReturnType<typeof readModel>>;
export type VersionDetail = NonNullable<ReturnType<typeof readVersion>>;
