// The rows of a drift window, read from prediction_log newest first in keyset-paged batches, so
// memory holds one batch. The JSON columns come as the driver gives them (SQLite: the stored text;
// Postgres: jsonb, parsed by the driver), not mapped by the schema, since a check reads up to a
// million rows and JSON.parse of every row was most of its time; callers parse only what they use
// (see inputs-scan.ts).
import { and, desc, eq, gte, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AnyDb } from '../db/any-db';

const BATCH = 5_000;

export interface WindowQuery {
  endpointId: string;
  versionId: string;
  /** Oldest created_at in the window (inclusive), or null for no time bound. */
  since: number | null;
  /** Newest created_at in the window (inclusive). */
  now: number;
  /** Rows at most. */
  limit: number;
}

/** A logged JSON column as the driver gives it: SQLite's text, or Postgres's parsed jsonb. */
export type LoggedJson = string | Record<string, unknown>;

/** One logged row as a drift window reads it; outputs is null when not asked for. */
export interface WindowRecord {
  rowid: number;
  createdAt: number;
  latencyMs: number;
  inputs: LoggedJson;
  outputs: LoggedJson | null;
}

/** One logged row as objects, for callers that want every field (tests, small windows). */
export interface LogRow {
  rowid: number;
  id: string;
  createdAt: number;
  latencyMs: number;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

/** Which rows of the window to read: all, those in no columnar block, or those of one block. */
export type WindowRows = { block: 'any' } | { block: 'none' } | { block: number };

/**
 * prediction_log's insertion order, the tie-break of equal created_at: SQLite's rowid, Postgres's
 * `seq` (pg migration 0003). Neither is in the schema modules, so it is named through the dialect.
 */
export function logOrder(db: AnyDb): SQL<number> {
  return sql<number>`${db.t.predictionLog}.${sql.raw(db.dialect === 'sqlite' ? 'rowid' : 'seq')}`.mapWith(Number);
}

/**
 * The window's rows in pages, newest first. The cursor is (created_at, rowid): the
 * (endpoint_id, created_at) index ends in the rowid (on Postgres the index on
 * (endpoint_id, created_at, seq)), so each page is an index range read, never a sort of the whole
 * window. `outputs` false leaves that column out (null in each record).
 */
export async function* windowPages(db: AnyDb, q: WindowQuery, outputs: boolean, batchSize = BATCH, rows: WindowRows = { block: 'any' }): AsyncGenerator<WindowRecord[]> {
  const l = db.t.predictionLog;
  const fields = { rowid: logOrder(db), createdAt: l.createdAt, latencyMs: l.latencyMs, inputs: sql<LoggedJson>`${l.inputs}`, outputs: outputs ? sql<LoggedJson>`${l.outputs}` : sql<null>`NULL` };
  const only = rows.block === 'any' ? undefined : rows.block === 'none' ? isNull(l.blockId) : eq(l.blockId, rows.block);
  for await (const page of pages(db, q, batchSize, (where, size) => db.select(fields).from(l).where(and(where, only)).orderBy(desc(l.createdAt), desc(logOrder(db))).limit(size))) {
    yield page;
  }
}

/** The window's rows one by one as objects, newest first. */
export async function* windowRows(db: AnyDb, q: WindowQuery, batchSize = BATCH): AsyncGenerator<LogRow> {
  const l = db.t.predictionLog;
  const fields = { rowid: logOrder(db), id: l.id, createdAt: l.createdAt, latencyMs: l.latencyMs, inputs: l.inputs, outputs: l.outputs };
  for await (const page of pages(db, q, batchSize, (where, size) => db.select(fields).from(l).where(where).orderBy(desc(l.createdAt), desc(logOrder(db))).limit(size))) {
    yield* page;
  }
}

/** Pages of `read(where, size)`, each row carrying the cursor's keys (createdAt, rowid). */
async function* pages<R extends { rowid: number; createdAt: number }>(db: AnyDb, q: WindowQuery, batchSize: number, read: (where: SQL | undefined, size: number) => Promise<R[]>): AsyncGenerator<R[]> {
  const l = db.t.predictionLog;
  let cursor: { createdAt: number; rowid: number } | null = null;
  let left = q.limit;
  while (left > 0) {
    const size = Math.min(batchSize, left);
    // The plain upper bound makes the page an index range; the OR only breaks ties on it.
    const batch = await read(
      and(
        eq(l.endpointId, q.endpointId),
        q.since === null ? undefined : gte(l.createdAt, q.since),
        lte(l.createdAt, cursor?.createdAt ?? q.now),
        cursor ? or(lt(l.createdAt, cursor.createdAt), lt(logOrder(db), cursor.rowid)) : undefined,
        eq(l.versionId, q.versionId),
      ),
      size,
    );
    yield batch;
    if (batch.length < size) return;
    left -= batch.length;
    const last = batch[batch.length - 1];
    cursor = { createdAt: last.createdAt, rowid: last.rowid };
  }
}
