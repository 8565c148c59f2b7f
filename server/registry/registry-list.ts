// The registry's lists, paged in SQL: models with their aliases, and versions sorted by a metric,
// the version number or the date, filtered by model, alias, format and a train param. Metrics and
// params live in their own indexed tables (model_version_metrics, model_version_params) for this.
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { first, type AnyDb } from '../db/any-db';
import { likeContains } from '../db/like';

export interface Page {
  offset: number;
  limit: number;
}

export interface ModelListQuery extends Page {
  projectId?: string;
  /** Part of the name, case-insensitive. */
  search?: string;
}

export async function listModels(db: AnyDb, query: ModelListQuery) {
  const { registeredModels, modelVersions, projects } = db.t;
  const where = and(
    query.projectId ? eq(registeredModels.projectId, query.projectId) : undefined,
    query.search ? likeContains(db.dialect, registeredModels.name, query.search) : undefined,
  );
  // mapWith(Number): node-postgres returns bigint aggregates as text.
  const live = db
    .select({ modelId: modelVersions.modelId, versions: count().as('versions'), latest: sql<number>`max(${modelVersions.version})`.mapWith(Number).as('latest') })
    .from(modelVersions)
    .where(isNull(modelVersions.deletedAt))
    .groupBy(modelVersions.modelId)
    .as('live');
  const rows = await db
    .select({
      id: registeredModels.id,
      name: registeredModels.name,
      description: registeredModels.description,
      projectId: registeredModels.projectId,
      projectName: projects.name,
      updatedAt: registeredModels.updatedAt,
      versions: sql<number>`coalesce(${live.versions}, 0)`.mapWith(Number),
      latestVersion: live.latest,
    })
    .from(registeredModels)
    .innerJoin(projects, eq(projects.id, registeredModels.projectId))
    .leftJoin(live, eq(live.modelId, registeredModels.id))
    .where(where)
    .orderBy(desc(registeredModels.updatedAt), asc(registeredModels.name))
    .limit(query.limit)
    .offset(query.offset);
  const total = first(await db.select({ n: count() }).from(registeredModels).where(where))!.n;
  const aliases = await aliasesOf(db, rows.map((r) => r.id));
  return { total, rows: rows.map((r) => ({ ...r, aliases: aliases.get(r.id) ?? [] })) };
}

export const VERSION_SORTS = ['created', 'version', 'metric'] as const;
export type VersionSort = (typeof VERSION_SORTS)[number];

export interface VersionListQuery extends Page {
  projectId?: string;
  modelId?: string;
  alias?: string;
  format?: string;
  /** Only versions trained with this param value (flattened key, text value). */
  param?: { key: string; value: string };
  sort: VersionSort;
  /** The metric to sort by (sort 'metric'); versions without it come last. */
  metric?: string;
  direction: 'asc' | 'desc';
  /** Metrics to return with each row, for the list's columns. */
  columns?: string[];
  includeDeleted?: boolean;
}

export async function listVersions(db: AnyDb, query: VersionListQuery) {
  const { registeredModels, modelVersions, modelAliases, modelVersionMetrics, modelVersionParams } = db.t;
  const conditions: (SQL | undefined)[] = [
    query.includeDeleted ? undefined : isNull(modelVersions.deletedAt),
    query.projectId ? eq(registeredModels.projectId, query.projectId) : undefined,
    query.modelId ? eq(modelVersions.modelId, query.modelId) : undefined,
    query.format ? eq(modelVersions.format, query.format) : undefined,
    query.alias
      ? sql`exists (select 1 from ${modelAliases} where ${modelAliases.versionId} = ${modelVersions.id} and ${modelAliases.alias} = ${query.alias})`
      : undefined,
    query.param
      ? sql`exists (select 1 from ${modelVersionParams} where ${modelVersionParams.versionId} = ${modelVersions.id} and ${modelVersionParams.key} = ${query.param.key} and ${modelVersionParams.value} = ${query.param.value})`
      : undefined,
  ];
  const where = and(...conditions);
  const sortMetric = query.sort === 'metric' && query.metric ? query.metric : null;
  const metric = db
    .select({ versionId: modelVersionMetrics.versionId, value: modelVersionMetrics.value })
    .from(modelVersionMetrics)
    .where(eq(modelVersionMetrics.name, sortMetric ?? ''))
    .as('sort_metric');
  const direction = query.direction === 'asc' ? asc : desc;
  const order: SQL[] = sortMetric
    ? [sql`${metric.value} is null`, direction(metric.value), desc(modelVersions.createdAt)]
    : query.sort === 'version'
      ? [asc(registeredModels.name), direction(modelVersions.version)]
      : [direction(modelVersions.createdAt), desc(modelVersions.version)];
  const base = db
    .select({
      id: modelVersions.id,
      modelId: modelVersions.modelId,
      modelName: registeredModels.name,
      projectId: registeredModels.projectId,
      version: modelVersions.version,
      source: modelVersions.source,
      format: modelVersions.format,
      task: db.dialect === 'pg' ? sql<string | null>`${modelVersions.signature}->>'task'` : sql<string | null>`json_extract(${modelVersions.signature}, '$.task')`,
      runId: modelVersions.runId,
      createdAt: modelVersions.createdAt,
      createdBy: modelVersions.createdBy,
      deletedAt: modelVersions.deletedAt,
      sortValue: sortMetric ? metric.value : sql<number | null>`null`,
    })
    .from(modelVersions)
    .innerJoin(registeredModels, eq(registeredModels.id, modelVersions.modelId));
  const rows = await (sortMetric ? base.leftJoin(metric, eq(metric.versionId, modelVersions.id)) : base)
    .where(where)
    .orderBy(...order)
    .limit(query.limit)
    .offset(query.offset);
  const total = first(await db.select({ n: count() }).from(modelVersions).innerJoin(registeredModels, eq(registeredModels.id, modelVersions.modelId)).where(where))!.n;
  const ids = rows.map((r) => r.id);
  const metrics = await metricsOf(db, ids, query.columns ?? (sortMetric ? [sortMetric] : []));
  const aliases = await versionAliases(db, ids);
  return { total, rows: rows.map(({ sortValue: _s, ...r }) => ({ ...r, metrics: metrics.get(r.id) ?? {}, aliases: aliases.get(r.id) ?? [] })) };
}

/** Metric names and param keys that occur in a project's (or a model's) versions, for pickers. */
export async function versionFacets(db: AnyDb, scope: { projectId?: string; modelId?: string }) {
  const { registeredModels, modelVersions, modelVersionMetrics, modelVersionParams } = db.t;
  const scoped = db
    .select({ id: modelVersions.id })
    .from(modelVersions)
    .innerJoin(registeredModels, eq(registeredModels.id, modelVersions.modelId))
    .where(
      and(
        isNull(modelVersions.deletedAt),
        scope.projectId ? eq(registeredModels.projectId, scope.projectId) : undefined,
        scope.modelId ? eq(modelVersions.modelId, scope.modelId) : undefined,
      ),
    );
  const names = (rows: { value: string }[]) => rows.map((r) => r.value);
  return {
    metricNames: names(await db.selectDistinct({ value: modelVersionMetrics.name }).from(modelVersionMetrics).where(inArray(modelVersionMetrics.versionId, scoped)).orderBy(asc(modelVersionMetrics.name)).limit(500)),
    paramKeys: names(await db.selectDistinct({ value: modelVersionParams.key }).from(modelVersionParams).where(inArray(modelVersionParams.versionId, scoped)).orderBy(asc(modelVersionParams.key)).limit(500)),
    formats: names(await db.selectDistinct({ value: modelVersions.format }).from(modelVersions).where(inArray(modelVersions.id, scoped)).orderBy(asc(modelVersions.format))),
  };
}

async function metricsOf(db: AnyDb, versionIds: string[], names: string[]): Promise<Map<string, Record<string, number>>> {
  const found = new Map<string, Record<string, number>>();
  if (versionIds.length === 0 || names.length === 0) return found;
  const { modelVersionMetrics } = db.t;
  const rows = await db
    .select()
    .from(modelVersionMetrics)
    .where(and(inArray(modelVersionMetrics.versionId, versionIds), inArray(modelVersionMetrics.name, names)));
  for (const row of rows) found.set(row.versionId, { ...found.get(row.versionId), [row.name]: row.value });
  return found;
}

export async function aliasesOf(db: AnyDb, modelIds: string[]): Promise<Map<string, { alias: string; version: number }[]>> {
  const found = new Map<string, { alias: string; version: number }[]>();
  if (modelIds.length === 0) return found;
  const { modelAliases, modelVersions } = db.t;
  const rows = await db
    .select({ modelId: modelAliases.modelId, alias: modelAliases.alias, version: modelVersions.version })
    .from(modelAliases)
    .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
    .where(inArray(modelAliases.modelId, modelIds))
    .orderBy(asc(modelAliases.alias));
  for (const { modelId, ...rest } of rows) found.set(modelId, [...(found.get(modelId) ?? []), rest]);
  return found;
}

export async function versionAliases(db: AnyDb, versionIds: string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  if (versionIds.length === 0) return found;
  const { modelAliases } = db.t;
  const rows = await db.select({ versionId: modelAliases.versionId, alias: modelAliases.alias }).from(modelAliases).where(inArray(modelAliases.versionId, versionIds)).orderBy(asc(modelAliases.alias));
  for (const row of rows) found.set(row.versionId, [...(found.get(row.versionId) ?? []), row.alias]);
  return found;
}
