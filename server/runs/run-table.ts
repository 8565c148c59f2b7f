// The runs table: one page of a pipeline's, a project's or a search's runs, sorted and filtered by
// any metric or param, answered by SQL over run_metrics and run_params (never by reading
// artifacts). Filters are joins on (key, value) rows; the sort is one left join on the sort key,
// so a page costs about as many index probes as the filtered runs it orders.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';

export type RunScope = { pipelineId: string } | { projectId: string } | { parentRunId: string };

export type RunField =
  | { kind: 'metric'; key: string }
  | { kind: 'param'; key: string }
  | { kind: 'created' }
  | { kind: 'duration' }
  | { kind: 'status' }
  | { kind: 'version' };

export const FILTER_OPS = ['=', '!=', '<', '<=', '>', '>=', 'contains'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export interface RunFilter {
  field: RunField;
  op: FilterOp;
  value: string | number;
}

export interface RunTableQuery {
  scope: RunScope;
  /** Metric and param keys to return for each row. */
  metrics: string[];
  params: string[];
  sort: { field: RunField; dir: 'asc' | 'desc' };
  filters: RunFilter[];
  offset: number;
  limit: number;
}

export interface RunTableRow {
  id: string;
  name: string | null;
  status: string;
  trigger: string;
  pipelineId: string;
  pipelineName: string;
  version: number | null;
  createdBy: string | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  metrics: Record<string, number>;
  params: Record<string, string>;
}

type Base = Omit<RunTableRow, 'metrics' | 'params'>;

const NUMERIC_OPS: Record<Exclude<FilterOp, 'contains'>, SQL> = {
  '=': sql`=`,
  '!=': sql`<>`,
  '<': sql`<`,
  '<=': sql`<=`,
  '>': sql`>`,
  '>=': sql`>=`,
};

/** A filter on a metric or param: a row of that table, or a condition on the run itself. */
type FilterPart = { table: 'run_metrics' | 'run_params'; on: (alias: SQL) => SQL } | { where: SQL };

function filterPart(filter: RunFilter): FilterPart {
  const { field, op, value } = filter;
  switch (field.kind) {
    case 'metric': {
      if (op === 'contains' || typeof value !== 'number') throw new FilterError(`metric "${field.key}" compares with a number (=, !=, <, <=, >, >=)`);
      return { table: 'run_metrics', on: (a) => sql`${a}.key = ${field.key} and ${a}.value ${NUMERIC_OPS[op]} ${value}` };
    }
    case 'param': {
      if (op === 'contains') return { table: 'run_params', on: (a) => sql`${a}.key = ${field.key} and instr(${a}.value, ${String(value)}) > 0` };
      if (op === '=' || op === '!=') return { table: 'run_params', on: (a) => sql`${a}.key = ${field.key} and ${a}.value ${NUMERIC_OPS[op]} ${String(value)}` };
      if (typeof value !== 'number') throw new FilterError(`param "${field.key}" ${op} needs a number`);
      return { table: 'run_params', on: (a) => sql`${a}.key = ${field.key} and ${a}.num ${NUMERIC_OPS[op]} ${value}` };
    }
    case 'status':
      if (op !== '=' && op !== '!=') throw new FilterError('status is compared with = or !=');
      return { where: sql`r.status ${NUMERIC_OPS[op]} ${String(value)}` };
    case 'version':
    case 'created':
    case 'duration': {
      if (op === 'contains' || typeof value !== 'number') throw new FilterError(`${field.kind} compares with a number`);
      return { where: sql`${fieldSql(field)} ${NUMERIC_OPS[op]} ${value}` };
    }
  }
}

/** A field that lives on the run row itself. */
function fieldSql(field: Extract<RunField, { kind: 'created' | 'duration' | 'status' | 'version' }>): SQL {
  switch (field.kind) {
    case 'created':
      return sql`r.created_at`;
    case 'duration':
      return sql`(r.finished_at - r.started_at)`;
    case 'status':
      return sql`r.status`;
    case 'version':
      return sql`pv.version`;
  }
}

export class FilterError extends Error {}

function scopeSql(scope: RunScope): SQL {
  if ('pipelineId' in scope) return sql`r.pipeline_id = ${scope.pipelineId} and r.parent_run_id is null`;
  if ('projectId' in scope) return sql`p.project_id = ${scope.projectId} and r.parent_run_id is null`;
  return sql`r.parent_run_id = ${scope.parentRunId}`;
}

/**
 * The runs that pass the scope and filters, with what they sort by. The first metric or param
 * filter drives the join (CROSS JOIN keeps SQLite from starting at the scope's thousands of runs
 * instead): its (key, value) index yields run ids, each checked against runs_scope_idx without
 * reading the run row.
 */
function candidates(query: RunTableQuery): { from: SQL; where: SQL; sortJoin: SQL; sv1: SQL; sv2: SQL } {
  const parts = query.filters.map(filterPart);
  const joined = parts.filter((p): p is Extract<FilterPart, { table: string }> => 'table' in p);
  const conditions = parts.flatMap((p) => ('where' in p ? [p.where] : []));
  const [first, ...rest] = joined;
  const driving = first ? sql`${sql.raw(first.table)} f0 cross join runs r on r.id = f0.run_id` : sql`runs r`;
  const where = [scopeSql(query.scope), ...(first ? [first.on(sql.raw('f0'))] : []), ...conditions];
  const joins = rest.map((p, i) => {
    const alias = sql.raw(`f${i + 1}`);
    return sql`join ${sql.raw(p.table)} ${alias} on ${alias}.run_id = r.id and ${p.on(alias)}`;
  });
  const needsVersion = [query.sort.field, ...query.filters.map((f) => f.field)].some((f) => f.kind === 'version');
  if ('projectId' in query.scope) joins.push(sql`join pipelines p on p.id = r.pipeline_id`);
  if (needsVersion) joins.push(sql`left join pipeline_versions pv on pv.id = r.pipeline_version_id`);
  const field = query.sort.field;
  let sortJoin = sql``;
  let sv1: SQL = sql`null`;
  let sv2: SQL = sql`null`;
  if (field.kind === 'metric') {
    sortJoin = sql`left join run_metrics s on s.run_id = r.id and s.key = ${field.key}`;
    sv1 = sql`s.value`;
  } else if (field.kind === 'param') {
    // Numbers by value, then text.
    sortJoin = sql`left join run_params s on s.run_id = r.id and s.key = ${field.key}`;
    sv1 = sql`s.value`;
    sv2 = sql`s.num`;
  } else if (field.kind !== 'created') {
    sv1 = fieldSql(field);
  }
  return { from: sql`${driving} ${sql.join(joins, sql` `)}`, where: sql.join(where, sql` and `), sortJoin, sv1, sv2 };
}

/**
 * The order, over the page's columns (`sv1`, `sv2`, `ca`, `rid`, under `prefix`). Runs without
 * the sort value go last, ties newest first; rowid makes it total. A sort by time is kept plain,
 * so the (pipeline_id, created_at) index gives it without sorting.
 */
function orderSql(sort: RunTableQuery['sort'], prefix: string): SQL {
  const dir = sql.raw(sort.dir === 'asc' ? 'asc' : 'desc');
  const c = (name: string) => sql.raw(`${prefix}${name}`);
  if (sort.field.kind === 'created') return sql`${c('ca')} ${dir}, ${c('rid')} ${dir}`;
  return sql`${c('sv1')} is null, ${c('sv2')} ${dir}, ${c('sv1')} ${dir}, ${c('ca')} desc, ${c('rid')} desc`;
}

export function queryRunTable(db: Db, query: RunTableQuery): { rows: RunTableRow[]; total: number } {
  const { from, where, sortJoin, sv1, sv2 } = candidates(query);
  // The page is chosen on ids and sort values alone; only its runs are then read in full.
  const base = db.all<Base>(sql`
    with page as (
      select r.id, ${sv1} as sv1, ${sv2} as sv2, r.created_at as ca, r.rowid as rid
      from ${from} ${sortJoin} where ${where}
      order by ${orderSql(query.sort, '')}
      limit ${query.limit} offset ${query.offset}
    )
    select r.id, r.name, r.status, r.trigger, r.pipeline_id as pipelineId, p.name as pipelineName, pv.version,
      (select u.name from users u where u.id = r.created_by) as createdBy,
      r.created_at as createdAt, r.started_at as startedAt, r.finished_at as finishedAt
    from page join runs r on r.id = page.id join pipelines p on p.id = r.pipeline_id
      left join pipeline_versions pv on pv.id = r.pipeline_version_id
    order by ${orderSql(query.sort, 'page.')}`);
  const total = db.get<{ n: number }>(sql`select count(*) as n from ${from} where ${where}`)?.n ?? 0;
  const ids = base.map((b) => b.id);
  const metrics = valuesFor<number>(db, 'run_metrics', ids, query.metrics);
  const params = valuesFor<string>(db, 'run_params', ids, query.params);
  return { rows: base.map((b) => ({ ...b, metrics: metrics.get(b.id) ?? {}, params: params.get(b.id) ?? {} })), total };
}

/** The chosen keys' values for a page of runs: one query per table, through the (run_id, key) index. */
function valuesFor<T>(db: Db, table: 'run_metrics' | 'run_params', ids: string[], keys: string[]): Map<string, Record<string, T>> {
  const found = new Map<string, Record<string, T>>();
  if (ids.length === 0 || keys.length === 0) return found;
  const rows = db.all<{ runId: string; key: string; value: T }>(
    sql`select run_id as runId, key, value from ${sql.raw(table)} where run_id in ${ids} and key in ${keys}`,
  );
  for (const row of rows) {
    const entry = found.get(row.runId) ?? {};
    entry[row.key] = row.value;
    found.set(row.runId, entry);
  }
  return found;
}

/**
 * The metric and param keys of a scope's newest runs (500), for choosing columns: the keys of
 * runs long gone from the pipeline rarely matter, and this stays fast at any number of runs.
 */
export function runColumns(db: Db, scope: RunScope): { metrics: string[]; params: { key: string; distinct: number }[] } {
  const recent = sql`select r.id from runs r join pipelines p on p.id = r.pipeline_id where ${scopeSql(scope)} order by r.created_at desc limit 500`;
  const metrics = db.all<{ key: string }>(sql`select distinct key from run_metrics where run_id in (${recent}) order by key`).map((r) => r.key);
  // How many values each param took: the ones that vary are the columns worth showing first.
  const params = db.all<{ key: string; distinct: number }>(sql`select key, count(distinct value) as "distinct" from run_params where run_id in (${recent}) group by key order by key`);
  return { metrics, params };
}
