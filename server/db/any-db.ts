// The dialect-neutral handle that converted stores take: one set of Drizzle queries, awaited, that
// runs on SQLite (better-sqlite3) or Postgres (node-postgres). docs/architecture.md, "Data access".
//
// Queries are typed with Drizzle's Postgres builders and the tables of schema.pg.ts, whose row
// types schema-parity.test.ts holds equal to schema.ts's. Postgres typing is the stricter of the
// two: its builders have no sync `.get()/.all()/.run()`, so a query must be awaited to run, and
// a forgotten await is a type error or a floating promise (lint). On SQLite the same calls run on
// the SQLite tables, because each handle carries its own dialect's tables (`db.t`).
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type * as pgSchema from './schema.pg';

export type Dialect = 'sqlite' | 'pg';

/** The tables, by the names schema.ts and schema.pg.ts both export. */
export type Tables = typeof pgSchema;

/**
 * What a converted store function takes: the database or a transaction on it (`withTransaction`).
 * Left out on purpose: `transaction` (use `withTransaction`, the one helper correct on both),
 * `execute` and `$client` (driver-specific), `query` (the relational API is not yet proven on
 * both), and the Postgres-only `selectDistinctOn` and `refreshMaterializedView`.
 */
export type AnyDb = Omit<
  NodePgDatabase<Tables>,
  'transaction' | 'execute' | '$client' | 'query' | '_' | 'selectDistinctOn' | 'refreshMaterializedView' | '$primary' | '$replicas' | '$cache'
> & {
  readonly dialect: Dialect;
  /** This handle's dialect's tables; queries must use these, never a schema module's own. */
  readonly t: Tables;
};

/** The first row of a result, or null: `.limit(1)` and this replace SQLite's `.get()`. */
export function first<T>(rows: readonly T[]): T | null {
  return rows.length > 0 ? rows[0] : null;
}
