// The runs table: one page of a pipeline's, a project's or a search's runs, sorted and filtered by
// any metric or param, answered by SQL over run_metrics and run_params (never by reading
// artifacts). Filters are joins on (key, value) rows; the sort is one left join on the sort key,
// so a page costs about as many index probes as the filtered runs it orders. The SQL is written
// once for SQLite and Postgres; where they differ (rowid, instr, cross join … on, ORDER BY on output
// aliases, where NULLs sort, text collation), `Dialect` picks the text.
import { and, asc, inArray, sql, type SQL } from 'drizzle-orm';
import { first, type AnyDb, type Dialect } from '../db/any-db';

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

/** A number compared with a column: on Postgres as double precision, so 0.5 meets a bigint column without a cast error. */
function numberSql(dialect: Dialect, value: number): SQL {
  return dialect === 'pg' ? sql`cast(${value} as double precision)` : sql`${value}`;
}

function filterPart(dialect: Dialect, filter: RunFilter): FilterPart {
  const { field, op, value } = filter;
  switch (field.kind) {
    case 'metric': {
      if (op === 'contains' || typeof value !== 'number') throw new FilterError(`metric "${field.key}" compares with a number (=, !=, <, <=, >, >=)`);
      return { table: 'run_metrics', on: (a) => sql`${a}.key = ${field.key} and ${a}.value ${NUMERIC_OPS[op]} ${numberSql(dialect, value)}` };
    }
    case 'param': {
      if (op === 'contains') {
        const position = dialect === 'pg' ? sql.raw('strpos') : sql.raw('instr');
        return { table: 'run_params', on: (a) => sql`${a}.key = ${field.key} and ${position}(${a}.value, ${String(value)}) > 0` };
      }
      if (op === '=' || op === '!=') return { table: 'run_params', on: (a) => sql`${a}.key = ${field.key} and ${a}.value ${NUMERIC_OPS[op]} ${String(value)}` };
      if (typeof value !== 'number') throw new FilterError(`param "${field.key}" ${op} needs a number`);
      return { table: 'run_params', on: (a) => sql`${a}.key = ${field.key} and ${a}.num ${NUMERIC_OPS[op]} ${numberSql(dialect, value)}` };
    }
    case 'status':
      if (op !== '=' && op !== '!=') throw new FilterError('status is compared with = or !=');
      return { where: sql`r.status ${NUMERIC_OPS[op]} ${String(value)}` };
    case 'version':
    case 'created':
    case 'duration': {
      if (op === 'contains' || typeof value !== 'number') throw new FilterError(`${field.kind} compares with a number`);
      return { where: sql`${fieldSql(field)} ${NUMERIC_OPS[op]} ${numberSql(dialect, value)}` };
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
function candidates(dialect: Dialect, query: RunTableQuery): { from: SQL; where: SQL; sortJoin: SQL; sv1: SQL | null; sv2: SQL | null } {
  const parts = query.filters.map((f) => filterPart(dialect, f));
  const joined = parts.filter((p): p is Extract<FilterPart, { table: string }> => 'table' in p);
  const conditions = parts.flatMap((p) => ('where' in p ? [p.where] : []));
  const [first, ...rest] = joined;
  // Postgres has no CROSS JOIN … ON; its planner picks the driving table by cost anyway.
  const driving = first ? sql`${sql.raw(first.table)} f0 ${sql.raw(dialect === 'pg' ? 'join' : 'cross join')} runs r on r.id = f0.run_id` : sql`runs r`;
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
  let sv1: SQL | null = null;
  let sv2: SQL | null = null;
  if (field.kind === 'metric') {
    sortJoin = sql`left join run_metrics s on s.run_id = r.id and s.key = ${field.key}`;
    sv1 = sql`s.value`;
  } else if (field.kind === 'param') {
    // Numbers by value, then text.
    sortJoin = sql`left join run_params s on s.run_id = r.id and s.key = ${field.key}`;
    // Text in code-point order, as SQLite compares it, not the Postgres database's locale order.
    sv1 = dialect === 'pg' ? sql`s.value collate "C"` : sql`s.value`;
    sv2 = sql`s.num`;
  } else if (field.kind !== 'created') {
    sv1 = fieldSql(field);
  }
  return { from: sql`${driving} ${sql.join(joins, sql` `)}`, where: sql.join(where, sql` and `), sortJoin, sv1, sv2 };
}

/**
 * The order, over the page's columns (`sv1`, `sv2`, `ca`, `rid`, from `col`). Runs without the sort
 * value go last, ties newest first; rowid makes it total. A sort by time is kept plain, so the
 * (pipeline_id, created_at) index gives it without sorting. NULLs sort as on SQLite (first going
 * up, last going down); a column that is always null is left out (Postgres refuses a constant).
 */
function orderSql(dialect: Dialect, sort: RunTableQuery['sort'], col: (name: 'sv1' | 'sv2' | 'ca' | 'rid') => SQL | null): SQL {
  const dir = sql.raw(sort.dir === 'asc' ? 'asc' : 'desc');
  const nulls = sql.raw(dialect === 'pg' ? (sort.dir === 'asc' ? ' nulls first' : ' nulls last') : '');
  const [sv1, sv2, ca, rid] = [col('sv1'), col('sv2'), col('ca'), col('rid')];
  if (sort.field.kind === 'created' || !sv1) return sql`${ca} ${dir}, ${rid} ${dir}`;
  const keys = [sql`${sv1} is null`, ...(sv2 ? [sql`${sv2} ${dir}${nulls}`] : []), sql`${sv1} ${dir}${nulls}`, sql`${ca} desc`, sql`${rid} desc`];
  return sql.join(keys, sql`, `);
}

export async function queryRunTable(db: AnyDb, query: RunTableQuery): Promise<{ rows: RunTableRow[]; total: number }> {
  const dialect = db.dialect;
  const { from, where, sortJoin, sv1, sv2 } = candidates(dialect, query);
  // SQLite's rowid is insertion order; Postgres has none, and the id makes the order total there.
  const rowid = dialect === 'pg' ? sql`r.id` : sql`r.rowid`;
  // SQLite orders the page by its output names; Postgres accepts those only bare, not in expressions.
  const inner = dialect === 'pg'
    ? (name: 'sv1' | 'sv2' | 'ca' | 'rid') => ({ sv1, sv2, ca: sql`r.created_at`, rid: rowid })[name]
    : (name: 'sv1' | 'sv2' | 'ca' | 'rid') => (name === 'sv1' && !sv1) || (name === 'sv2' && !sv2) ? null : sql.raw(name);
  const outer = (name: 'sv1' | 'sv2' | 'ca' | 'rid') => (name === 'sv1' && !sv1) || (name === 'sv2' && !sv2) ? null : sql.raw(`page.${name}`);
  // The page is chosen on ids and sort values alone; only its runs are then read in full.
  const page = sql`(
      select r.id, ${sv1 ?? sql`null`} as sv1, ${sv2 ?? sql`null`} as sv2, r.created_at as ca, ${rowid} as rid
      from ${from} ${sortJoin} where ${where}
      order by ${orderSql(dialect, query.sort, inner)}
      limit ${query.limit} offset ${query.offset}
    ) page`;
  // Raw columns: Postgres bigints arrive as text, so numbers are mapped explicitly.
  const int = (column: string) => sql<number>`${sql.raw(column)}`.mapWith(Number);
  const intOrNull = (column: string) => sql<number | null>`${sql.raw(column)}`.mapWith((v: unknown): number | null => Number(v));
  const base: Base[] = await db
    .select({
      id: sql<string>`r.id`,
      name: sql<string | null>`r.name`,
      status: sql<string>`r.status`,
      trigger: sql<string>`r.trigger`,
      pipelineId: sql<string>`r.pipeline_id`,
      pipelineName: sql<string>`p.name`,
      version: intOrNull('pv.version'),
      createdBy: sql<string | null>`(select u.name from users u where u.id = r.created_by)`,
      createdAt: int('r.created_at'),
      startedAt: intOrNull('r.started_at'),
      finishedAt: intOrNull('r.finished_at'),
    })
    .from(sql`${page} join runs r on r.id = page.id join pipelines p on p.id = r.pipeline_id
      left join pipeline_versions pv on pv.id = r.pipeline_version_id`)
    .orderBy(orderSql(dialect, query.sort, outer));
  const total = first(await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(from).where(where))?.n ?? 0;
  const ids = base.map((b) => b.id);
  const [metrics, params] = await Promise.all([valuesFor(db, 'metrics', ids, query.metrics), valuesFor(db, 'params', ids, query.params)]);
  return {
    rows: base.map((b) => ({ ...b, metrics: (metrics.get(b.id) ?? {}) as Record<string, number>, params: (params.get(b.id) ?? {}) as Record<string, string> })),
    total,
  };
}

/** The chosen keys' values for a page of runs: one query per table, through the (run_id, key) index. */
async function valuesFor(db: AnyDb, which: 'metrics' | 'params', ids: string[], keys: string[]): Promise<Map<string, Record<string, number | string>>> {
  const found = new Map<string, Record<string, number | string>>();
  if (ids.length === 0 || keys.length === 0) return found;
  const table = which === 'metrics' ? db.t.runMetrics : db.t.runParams;
  const rows = await db
    .select({ runId: table.runId, key: table.key, value: table.value })
    .from(table)
    .where(and(inArray(table.runId, ids), inArray(table.key, keys)));
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
export async function runColumns(db: AnyDb, scope: RunScope): Promise<{ metrics: string[]; params: { key: string; distinct: number }[] }> {
  const { runMetrics, runParams } = db.t;
  const recent = sql`select r.id from runs r join pipelines p on p.id = r.pipeline_id where ${scopeSql(scope)} order by r.created_at desc limit 500`;
  // Keys in code-point order on both (SQLite compares text bytewise; Postgres by the database's locale).
  const byKey = (key: typeof runMetrics.key | typeof runParams.key) => (db.dialect === 'pg' ? sql`${key} collate "C"` : asc(key));
  // Grouped rather than distinct: Postgres orders a distinct list only by its own columns, not a collation of one.
  const metrics = (await db.select({ key: runMetrics.key }).from(runMetrics).where(sql`${runMetrics.runId} in (${recent})`).groupBy(runMetrics.key).orderBy(byKey(runMetrics.key))).map((r) => r.key);
  // How many values each param took: the ones that vary are the columns worth showing first.
  const params = await db
    .select({ key: runParams.key, distinct: sql<number>`count(distinct ${runParams.value})`.mapWith(Number) })
    .from(runParams)
    .where(sql`${runParams.runId} in (${recent})`)
    .groupBy(runParams.key)
    .orderBy(byKey(runParams.key));
  return { metrics, params };
}
