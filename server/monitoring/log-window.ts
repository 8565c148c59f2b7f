// The rows of a drift window, read from prediction_log newest first in keyset-paged batches, so
// memory holds one batch. Pages are raw arrays straight from SQLite (db.values): no row object,
// no column mapping and no JSON.parse here, since a check reads up to a million rows and those
// costs were most of its time; callers parse only what they use (see inputs-scan.ts).
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';

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

/** [rowid, created_at, latency_ms, inputs JSON text, outputs JSON text or null when not asked for]. */
export type WindowRecord = [rowid: number, createdAt: number, latencyMs: number, inputs: string, outputs: string | null];

/** One logged row as objects, for callers that want every field (tests, small windows). */
export interface LogRow {
  rowid: number;
  id: string;
  createdAt: number;
  latencyMs: number;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

/**
 * The window's rows in pages, newest first. The cursor is (created_at, rowid): the
 * (endpoint_id, created_at) index ends in the rowid, so each page is an index range read, never a
 * sort of the whole window. `outputs` false leaves that column out (null in each record). `only`
 * narrows the rows further (`AND …`), e.g. to those with no columnar block.
 */
export function* windowPages(db: Db, q: WindowQuery, outputs: boolean, batchSize = BATCH, only: SQL = sql``): Generator<WindowRecord[]> {
  yield* pages<WindowRecord>(db, q, sql`rowid, created_at, latency_ms, inputs, ${outputs ? sql`outputs` : sql`NULL`}`, batchSize, only);
}

/** The window's rows one by one as objects, newest first. */
export function* windowRows(db: Db, q: WindowQuery, batchSize = BATCH): Generator<LogRow> {
  for (const page of pages<[number, number, number, string, string, string]>(db, q, sql`rowid, created_at, latency_ms, inputs, outputs, id`, batchSize)) {
    for (const [rowid, createdAt, latencyMs, inputs, outputs, id] of page) {
      yield { rowid, id, createdAt, latencyMs, inputs: JSON.parse(inputs) as Record<string, unknown>, outputs: JSON.parse(outputs) as Record<string, unknown> };
    }
  }
}

/** Pages of `columns`, whose first two must be rowid and created_at (the cursor). */
function* pages<R extends [number, number, ...unknown[]]>(db: Db, q: WindowQuery, columns: SQL, batchSize: number, only: SQL = sql``): Generator<R[]> {
  let cursor: { createdAt: number; rowid: number } | null = null;
  let left = q.limit;
  while (left > 0) {
    const size = Math.min(batchSize, left);
    // The plain upper bound makes the page an index range; the OR only breaks ties on it.
    const batch: R[] = db.values<R>(sql`
      SELECT ${columns} FROM prediction_log
      WHERE endpoint_id = ${q.endpointId}
        ${q.since === null ? sql`` : sql`AND created_at >= ${q.since}`}
        AND created_at <= ${cursor?.createdAt ?? q.now}
        ${cursor ? sql`AND (created_at < ${cursor.createdAt} OR rowid < ${cursor.rowid})` : sql``}
        AND version_id = ${q.versionId}
        ${only}
      ORDER BY created_at DESC, rowid DESC
      LIMIT ${size}`);
    yield batch;
    if (batch.length < size) return;
    left -= batch.length;
    const last: R = batch[batch.length - 1];
    cursor = { createdAt: last[1], rowid: last[0] };
  }
}
