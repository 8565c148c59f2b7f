// The prediction log's writer on Postgres. The SQLite writer is a thread of its own because a
// better-sqlite3 write blocks; a Postgres write is I/O the event loop waits on, so this one runs
// on the serving thread, a batch at a time and in order (feedback after the predictions logged
// before it). A batch is one transaction: its columnar blocks (one insert each, with their data,
// since nothing needs the rows' ids first), then its rows in multi-row inserts.
//
// Postgres's prediction_log has no rowid: a block's `rowids` hold insertion-order numbers instead,
// block id × 2^20 + position in the block, which rise with created_at inside a block and across the
// blocks of one endpoint and version as SQLite's rowids do.
import { eq, inArray, sql } from 'drizzle-orm';
import type { AnyDb } from '../db/any-db';
import type { DeploymentRole } from '../db/schema';
import { withTransaction } from '../db/transaction';
import type { PackedBatch, UnpackedRow } from './prediction-log-codec.mjs';
import { blockData, groupBatch } from './prediction-log-writer.mjs';
import type { FeedbackRow } from './prediction-log';

/** Rows per insert statement: 11 parameters each, well under Postgres's 65535. */
const ROWS_PER_INSERT = 1000;
/** Block positions per block id: a block holds one batch, at most MAX_PENDING (100000) entries. */
const BLOCK_POSITIONS = 2 ** 20;

export async function writeLogBatchPg(db: AnyDb, batch: PackedBatch): Promise<number> {
  // Unpacking, the JSON texts and the block encodings are made before the transaction, which then
  // only waits on its own queries.
  const { entries, loose, groups } = groupBatch(batch);
  const placed: { e: UnpackedRow; blockId: number | null }[] = loose.map((e) => ({ e, blockId: null }));
  await withTransaction(db, async (tx) => {
    const b = tx.t.predictionLogBlocks;
    for (const group of groups) {
      const n = group.length;
      const first = group[0].e;
      const [{ id }] = await tx
        .insert(b)
        .values({ endpointId: first.endpointId, versionId: first.versionId, firstCreatedAt: first.createdAt, lastCreatedAt: group[n - 1].e.createdAt, rows: n, live: n, data: Buffer.alloc(0) })
        .returning({ id: b.id });
      const rowids = new Float64Array(n);
      for (let i = 0; i < n; i++) rowids[i] = id * BLOCK_POSITIONS + i;
      // The block's bytes depend on its id (its rowids); encoding is CPU only, no await in between.
      await tx.update(b).set({ data: blockData(batch, group, rowids) }).where(eq(b.id, id));
      for (const { e } of group) placed.push({ e, blockId: id });
    }
    const log = tx.t.predictionLog;
    for (let at = 0; at < placed.length; at += ROWS_PER_INSERT) {
      await tx.insert(log).values(
        placed.slice(at, at + ROWS_PER_INSERT).map(({ e, blockId }) => ({
          id: e.id,
          endpointId: e.endpointId,
          versionId: e.versionId,
          role: e.role as DeploymentRole,
          shadowOf: e.shadowOf,
          keyId: e.keyId,
          createdAt: e.createdAt,
          latencyMs: e.latencyMs,
          // The writer made the JSON text already: cast it, rather than parse it to have it stringified again.
          inputs: sql`${e.inputs}::jsonb`,
          outputs: sql`${e.outputs}::jsonb`,
          blockId,
        })),
      );
    }
  });
  return entries.length;
}

/** Stores every known id's label in one transaction; an id unknown to this endpoint is reported by row. */
export async function writeFeedbackPg(db: AnyDb, endpointId: string, keyId: string | null, rows: FeedbackRow[]): Promise<{ stored: number; unknown: number[] }> {
  const ids = [...new Set(rows.map((r) => r.predictionId))];
  return withTransaction(db, async (tx) => {
    const log = tx.t.predictionLog;
    const owner = new Map<string, string>();
    for (let at = 0; at < ids.length; at += ROWS_PER_INSERT) {
      const found = await tx.select({ id: log.id, endpointId: log.endpointId }).from(log).where(inArray(log.id, ids.slice(at, at + ROWS_PER_INSERT)));
      for (const f of found) owner.set(f.id, f.endpointId);
    }
    const unknown: number[] = [];
    // Posting one id twice keeps the later label, as the SQLite writer's row-by-row upsert does.
    const labels = new Map<string, FeedbackRow['label']>();
    let stored = 0;
    for (const row of rows) {
      if (owner.get(row.predictionId) !== endpointId) {
        unknown.push(row.row);
        continue;
      }
      labels.set(row.predictionId, row.label);
      stored++;
    }
    const now = Date.now();
    const f = tx.t.predictionFeedback;
    const values = [...labels].map(([predictionId, label]) => ({ predictionId, endpointId, label, keyId, receivedAt: now }));
    for (let at = 0; at < values.length; at += ROWS_PER_INSERT) {
      await tx
        .insert(f)
        .values(values.slice(at, at + ROWS_PER_INSERT))
        .onConflictDoUpdate({ target: f.predictionId, set: { label: sql`excluded.label`, keyId: sql`excluded.key_id`, receivedAt: sql`excluded.received_at` } });
    }
    return { stored, unknown };
  });
}
