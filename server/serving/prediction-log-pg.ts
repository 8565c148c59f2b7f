// The prediction log's writer on Postgres. The SQLite writer is a thread of its own because a
// better-sqlite3 write blocks; a Postgres write is I/O the event loop waits on, so this one runs
// on the serving thread, a batch at a time and in order (feedback after the predictions logged
// before it). A batch is one transaction, as on SQLite: its blocks, then its rows in multi-row
// inserts that return each row's `seq` (Postgres's stand-in for the rowid, pg migration 0003),
// then each block's data, which lists its rows' seqs where SQLite's lists their rowids.
import { eq, inArray, sql } from 'drizzle-orm';
import type { AnyDb } from '../db/any-db';
import type { DeploymentRole } from '../db/schema';
import { withTransaction } from '../db/transaction';
import type { PackedBatch, UnpackedRow } from './prediction-log-codec.mjs';
import { blockData, groupBatch } from './prediction-log-writer.mjs';
import type { FeedbackRow } from './prediction-log';

/** Rows per insert statement: 11 parameters each, well under Postgres's 65535. */
const ROWS_PER_INSERT = 1000;
/** prediction_log's insertion order on Postgres (not in schema.pg.ts, as the rowid is not in schema.ts). */
const seq = sql<string>`seq`;

export async function writeLogBatchPg(db: AnyDb, batch: PackedBatch): Promise<number> {
  // Unpacking and the JSON texts are made before the transaction, which waits only on its own queries.
  const { entries, loose, groups } = groupBatch(batch);
  const placed: { e: UnpackedRow; blockId: number | null }[] = loose.map((e) => ({ e, blockId: null }));
  await withTransaction(db, async (tx) => {
    const b = tx.t.predictionLogBlocks;
    const blockIds: number[] = [];
    for (const group of groups) {
      const n = group.length;
      const first = group[0].e;
      const [{ id }] = await tx
        .insert(b)
        .values({ endpointId: first.endpointId, versionId: first.versionId, firstCreatedAt: first.createdAt, lastCreatedAt: group[n - 1].e.createdAt, rows: n, live: n, data: Buffer.alloc(0) })
        .returning({ id: b.id });
      blockIds.push(id);
      for (const { e } of group) placed.push({ e, blockId: id });
    }
    const log = tx.t.predictionLog;
    const seqOf = new Map<string, number>();
    for (let at = 0; at < placed.length; at += ROWS_PER_INSERT) {
      const inserted = await tx.insert(log).values(
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
      ).returning({ id: log.id, seq });
      for (const row of inserted) seqOf.set(row.id, Number(row.seq));
    }
    // Encoding is CPU only: no await between the rows' insert and their blocks' data.
    for (let g = 0; g < groups.length; g++) {
      const rowids = Float64Array.from(groups[g], ({ e }) => seqOf.get(e.id)!);
      await tx.update(b).set({ data: blockData(batch, groups[g], rowids) }).where(eq(b.id, blockIds[g]));
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
