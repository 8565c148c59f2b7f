// One model, or one version, with everything its page shows.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { first, type AnyDb } from '../db/any-db';
import { loadRegistrySettings } from './registry-settings';

function wantedIds(ids: (string | null | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}

export async function namesOfUsers(db: AnyDb, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = wantedIds(ids);
  if (wanted.length === 0) return new Map();
  const { users } = db.t;
  return new Map((await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted))).map((u) => [u.id, u.name]));
}

export async function readModel(db: AnyDb, modelId: string) {
  const { registeredModels, projects, modelAliases, modelVersions } = db.t;
  const model = first(
    await db
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
      .limit(1),
  );
  if (!model) return null;
  const aliases = await db
    .select({ alias: modelAliases.alias, versionId: modelAliases.versionId, version: modelVersions.version, setBy: modelAliases.setBy, setAt: modelAliases.setAt })
    .from(modelAliases)
    .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
    .where(eq(modelAliases.modelId, modelId))
    .orderBy(asc(modelAliases.alias));
  const requests = await pendingRequests(db, { modelId });
  const names = await namesOfUsers(db, [model.createdBy, ...aliases.map((a) => a.setBy)]);
  return {
    ...model,
    createdByName: model.createdBy ? (names.get(model.createdBy) ?? null) : null,
    aliases: aliases.map((a) => ({ ...a, setByName: a.setBy ? (names.get(a.setBy) ?? null) : null })),
    pendingRequests: requests,
    settings: await loadRegistrySettings(db, model.projectId),
  };
}

/** Pending alias requests, oldest first: what approvers are asked to decide. */
export async function pendingRequests(db: AnyDb, scope: { modelId?: string; projectId?: string }) {
  const { aliasRequests, registeredModels, modelVersions } = db.t;
  const rows = await db
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
    .limit(200);
  const versionIds = rows.flatMap((r) => [r.versionId, r.fromVersionId]).filter((id): id is string => id !== null);
  const numbers = new Map(
    versionIds.length ? (await db.select({ id: modelVersions.id, version: modelVersions.version }).from(modelVersions).where(inArray(modelVersions.id, versionIds))).map((v) => [v.id, v.version]) : [],
  );
  const names = await namesOfUsers(db, rows.map((r) => r.requestedBy));
  return rows.map((r) => ({
    ...r,
    to: r.versionId ? (numbers.get(r.versionId) ?? null) : null,
    from: r.fromVersionId ? (numbers.get(r.fromVersionId) ?? null) : null,
    requestedByName: r.requestedBy ? (names.get(r.requestedBy) ?? null) : null,
  }));
}

export async function readVersion(db: AnyDb, modelId: string, version: number) {
  const { modelVersions, registeredModels, modelVersionParams, modelAliases, runs, pipelineVersions } = db.t;
  const row = first(await db.select().from(modelVersions).where(and(eq(modelVersions.modelId, modelId), eq(modelVersions.version, version))).limit(1));
  if (!row) return null;
  const model = first(await db.select({ name: registeredModels.name, projectId: registeredModels.projectId }).from(registeredModels).where(eq(registeredModels.id, modelId)).limit(1))!;
  const params = await db.select({ key: modelVersionParams.key, value: modelVersionParams.value }).from(modelVersionParams).where(eq(modelVersionParams.versionId, row.id)).orderBy(asc(modelVersionParams.key));
  const aliases = await db.select({ alias: modelAliases.alias }).from(modelAliases).where(eq(modelAliases.versionId, row.id)).orderBy(asc(modelAliases.alias));
  const run = row.runId ? first(await db.select({ id: runs.id, status: runs.status }).from(runs).where(eq(runs.id, row.runId)).limit(1)) : null;
  const pipelineVersion = row.pipelineVersionId
    ? first(await db.select({ id: pipelineVersions.id, version: pipelineVersions.version }).from(pipelineVersions).where(eq(pipelineVersions.id, row.pipelineVersionId)).limit(1))
    : null;
  const history = (await db.select({ version: modelVersions.version }).from(modelVersions).where(eq(modelVersions.modelId, modelId)).orderBy(desc(modelVersions.version))).map((v) => v.version);
  const names = await namesOfUsers(db, [row.createdBy, row.deletedBy]);
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

export type ModelDetail = NonNullable<Awaited<ReturnType<typeof readModel>>>;
export type VersionDetail = NonNullable<Awaited<ReturnType<typeof readVersion>>>;
