// The runs table: one page of a pipeline's, a project's or a search's runs, sorted and filtered by
// any metric or param, answered by SQL over run_metrics and run_params (never by reading
// artifacts). Filters are inner joins on (key, value) rows; the sort is one left join on the sort
// key, so a page costs about as many index probes as the filtered runs it orders.
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

type Base = { id: string; name: string | null; status: string; trigger: string; pipelineId: string; pipelineName: string; version: number | null; createdBy: string | null; createdAt: number; startedAt: number | null; finishedAt: number | null };

const NUMERIC_OPS: Record<Exclude<FilterOp, 'contains'>, SQL> = {
  '=': sql`=`,
  '!=': sql`<>`,
  '<': sql`<`,
  '<=': sql`<=`,
  '>': sql`>`,
  '>=': sql`>=`,
};

/** A filter as a join (metrics, params) or a condition on the run; throws on a value that cannot apply. */
function filterSql(filter: RunFilter, i: number): { join?: SQL; where?: SQL } {
  const alias = sql.raw(`f${i}`);
  const { field, op, value } = filter;
  switch (field.kind) {
    case 'metric': {
      if (op === 'contains' || typeof value !== 'number') throw new FilterError(`metric "${field.key}" compares with a number (=, !=, <, <=, >, >=)`);
      return { join: sql`join run_metrics ${alias} on ${alias}.run_id = r.id and ${alias}.key = ${field.key} and ${alias}.value ${NUMERIC_OPS[op]} ${value}` };
    }
    case 'param': {
      if (op === 'contains') return { join: sql`join run_params ${alias} on ${alias}.run_id = r.id and ${alias}.key = ${field.key} and instr(${alias}.value, ${String(value)}) > 0` };
      if (op === '=' || op === '!=') return { join: sql`join run_params ${alias} on ${alias}.run_id = r.id and ${alias}.key = ${field.key} and ${alias}.value ${NUMERIC_OPS[op]} ${String(value)}` };
      if (typeof value !== 'number') throw new FilterError(`param "${field.key}" ${op} needs a number`);
      return { join: sql`join run_params ${alias} on ${alias}.run_id = r.id and ${alias}.key = ${field.key} and ${alias}.num ${NUMERIC_OPS[op]} ${value}` };
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

/** Joins and conditions shared by the page and its count. */
function fromWhere(query: RunTableQuery): { joins: SQL; where: SQL } {
  const parts = query.filters.map(filterSql);
  const joins = sql.join(parts.flatMap((p) => (p.join ? [p.join] : [])), sql` `);
  const where = sql.join([scopeSql(query.scope), ...parts.flatMap((p) => (p.where ? [p.where] : []))], sql` and `);
  return { joins, where };
}

function orderSql(sort: RunTableQuery['sort']): { join: SQL; order: SQL } {
  const dir = sql.raw(sort.dir === 'asc' ? 'asc' : 'desc');
  const tieBreak = sql`r.created_at desc, r.id`;
  switch (sort.field.kind) {
    case 'metric':
      // Runs without the metric go last whichever way the sort goes.
      return { join: sql`left join run_metrics s on s.run_id = r.id and s.key = ${sort.field.key}`, order: sql`s.value is null, s.value ${dir}, ${tieBreak}` };
    case 'param':
      return { join: sql`left join run_params s on s.run_id = r.id and s.key = ${sort.field.key}`, order: sql`s.value is null, s.num ${dir}, s.value ${dir}, ${tieBreak}` };
    default:
      return { join: sql``, order: sql`${fieldSql(sort.field)} is null, ${fieldSql(sort.field)} ${dir}, ${tieBreak}` };
  }
}

export function queryRunTable(db: Db, query: RunTableQuery): { rows: RunTableRow[]; total: number } {
  const { joins, where } = fromWhere(query);
  const { join: sortJoin, order } = orderSql(query.sort);
  const from = sql`from runs r join pipelines p on p.id = r.pipeline_id left join pipeline_versions pv on pv.id = r.pipeline_version_id ${joins}`;
  const base = db.all<Base>(sql`
    select r.id, r.name, r.status, r.trigger, r.pipeline_id as pipelineId, p.name as pipelineName, pv.version,
      (select u.name from users u where u.id = r.created_by) as createdBy,
      r.created_at as createdAt, r.started_at as startedAt, r.finished_at as finishedAt
    ${from} ${sortJoin} where ${where} order by ${order} limit ${query.limit} offset ${query.offset}`);
  const total = db.get<{ n: number }>(sql`select count(*) as n ${from} where ${where}`)?.n ?? 0;
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
export function runColumns(db: Db, scope: RunScope): { metrics: string[]; params: string[] } {
  const recent = sql`select r.id from runs r join pipelines p on p.id = r.pipeline_id where ${scopeSql(scope)} order by r.created_at desc limit 500`;
  const keys = (table: string) => db.all<{ key: string }>(sql`select distinct key from ${sql.raw(table)} where run_id in (${recent}) order by key`).map((r) => r.key);
  return { metrics: keys('run_metrics'), params: keys('run_params') };
}
