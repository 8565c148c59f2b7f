// The studio-side consumer that keeps kpi_daily up to date: it reads only prediction log rows past
// its watermark and feedback past its (receivedAt, predictionId) cursor, never the whole log.
// Each call first re-reads the last GRACE_MS of feedback, because a second serving process may
// commit a row stamped a little before one already read; kpi_counted_labels makes that re-read
// (and any replaced label) exact: an unchanged label is skipped, a changed one moves its count.
// Pages are transactions (withTransaction), so two studio processes consuming at once take turns.
//
// The prediction watermark differs by dialect. SQLite: the log's rowid, in commit order since
// SQLite has one writer. Postgres has no rowid, and a serial would not be in commit order, so each
// endpoint has its own (createdAt, id) cursor over its (endpoint_id, created_at) index, and reads
// only rows stamped at least SETTLE_MS ago: the writer stamps and commits a row well within that
// (it flushes every 100 ms), so the counts there lag by a minute but miss nothing that commits in time.
import { and, asc, eq, gt, inArray, lte, or, sql } from 'drizzle-orm';
import { first, type AnyDb } from '../db/any-db';
import { withTransaction } from '../db/transaction';
import { countLabel, DayDeltas, sameCount, type CountedLabel } from './kpi-counting';
import { RuleCache } from './kpi-rules';
import { writeDeltas } from './kpi-write';

export const GRACE_MS = 60_000;
/** Postgres: how old a logged prediction must be before it is counted (see above). */
export const SETTLE_MS = 60_000;
const PAGE = 5_000;
/** Rows per kpi_counted_labels upsert statement. */
const CHUNK = 500;

export interface ConsumeResult {
  predictions: number;
  labels: number;
}

interface LogRow {
  endpointId: string;
  versionId: string;
  role: string;
  createdAt: number;
  latencyMs: number;
}

async function watermark(db: AnyDb, stream: string): Promise<{ position: number; tieBreak: string }> {
  const w = db.t.kpiWatermarks;
  return first(await db.select({ position: w.position, tieBreak: w.tieBreak }).from(w).where(eq(w.stream, stream)).limit(1)) ?? { position: 0, tieBreak: '' };
}

async function setWatermark(db: AnyDb, stream: string, position: number, tieBreak: string): Promise<void> {
  const w = db.t.kpiWatermarks;
  const values = { position, tieBreak, updatedAt: Date.now() };
  await db.insert(w).values({ stream, ...values }).onConflictDoUpdate({ target: w.stream, set: values });
}

function countPredictions(rows: readonly LogRow[]): DayDeltas {
  const deltas = new DayDeltas();
  for (const r of rows) if (r.role !== 'shadow') deltas.prediction(r.endpointId, r.versionId, r.createdAt, r.latencyMs);
  return deltas;
}

/** SQLite: one stream over the log's rowid. */
async function consumePredictionsByRowid(db: AnyDb, maxRows: number): Promise<number> {
  const l = db.t.predictionLog;
  const rowid = sql<number>`rowid`.mapWith(Number);
  let total = 0;
  for (;;) {
    const page = await withTransaction(db, async (tx) => {
      const from = (await watermark(tx, 'predictions')).position;
      const rows = await tx
        .select({ rid: rowid, endpointId: l.endpointId, versionId: l.versionId, role: l.role, createdAt: l.createdAt, latencyMs: l.latencyMs })
        .from(l)
        .where(gt(sql`rowid`, from))
        .orderBy(sql`rowid`)
        .limit(PAGE);
      if (rows.length === 0) return 0;
      await writeDeltas(tx, countPredictions(rows));
      await setWatermark(tx, 'predictions', rows[rows.length - 1].rid, '');
      return rows.length;
    });
    total += page;
    if (page < PAGE || total >= maxRows) return total;
  }
}

/** Postgres: one (createdAt, id) stream per endpoint, over settled rows only. */
async function consumePredictionsByEndpoint(db: AnyDb, maxRows: number, now: number): Promise<number> {
  const l = db.t.predictionLog;
  const settled = now - SETTLE_MS;
  let total = 0;
  for (const { id: endpointId } of await db.select({ id: db.t.endpoints.id }).from(db.t.endpoints)) {
    const stream = `predictions:${endpointId}`;
    for (;;) {
      const page = await withTransaction(db, async (tx) => {
        const from = await watermark(tx, stream);
        const rows = await tx
          .select({ id: l.id, endpointId: l.endpointId, versionId: l.versionId, role: l.role, createdAt: l.createdAt, latencyMs: l.latencyMs })
          .from(l)
          .where(and(eq(l.endpointId, endpointId), lte(l.createdAt, settled), or(gt(l.createdAt, from.position), and(eq(l.createdAt, from.position), gt(l.id, from.tieBreak)))))
          .orderBy(asc(l.createdAt), asc(l.id))
          .limit(PAGE);
        if (rows.length === 0) return 0;
        await writeDeltas(tx, countPredictions(rows));
        const last = rows[rows.length - 1];
        await setWatermark(tx, stream, last.createdAt, last.id);
        return rows.length;
      });
      total += page;
      if (total >= maxRows) return total;
      if (page < PAGE) break;
    }
  }
  return total;
}

/** Consumes what arrived since the last call, in pages of its own transactions; at most `maxRows` of each stream. */
export async function consumeKpis(db: AnyDb, { maxRows = Infinity, now = Date.now() }: { maxRows?: number; now?: number } = {}): Promise<ConsumeResult> {
  const rules = new RuleCache();
  const result = { predictions: 0, labels: 0 };
  result.predictions = db.dialect === 'sqlite' ? await consumePredictionsByRowid(db, maxRows) : await consumePredictionsByEndpoint(db, maxRows, now);
  const { predictionFeedback: f, predictionLog: l, kpiCountedLabels: c } = db.t;
  // Selected as raw JSON, not through the column: Drizzle's jsonb decoding parses a string again,
  // which would turn the label "1" (a JSON string) into the number 1 on Postgres.
  const label = sql`${f.label}`.mapWith((v: unknown) => (db.dialect === 'sqlite' && typeof v === 'string' ? (JSON.parse(v) as unknown) : v) as string | number | boolean);
  const start = await watermark(db, 'feedback');
  let cursor = { position: Math.max(0, start.position - GRACE_MS), tieBreak: '' };
  let read = 0;
  for (;;) {
    const page = await withTransaction(db, async (tx) => {
      const rows = await tx
        .select({ predictionId: f.predictionId, label, receivedAt: f.receivedAt, endpointId: l.endpointId, versionId: l.versionId, role: l.role, createdAt: l.createdAt, inputs: l.inputs, outputs: l.outputs })
        .from(f)
        .innerJoin(l, eq(l.id, f.predictionId))
        .where(or(gt(f.receivedAt, cursor.position), and(eq(f.receivedAt, cursor.position), gt(f.predictionId, cursor.tieBreak))))
        .orderBy(asc(f.receivedAt), asc(f.predictionId))
        .limit(PAGE);
      if (rows.length === 0) return { rows: 0, labels: 0 };
      const ids = rows.filter((r) => r.role !== 'shadow').map((r) => r.predictionId);
      const before = new Map<string, CountedLabel>();
      for (let i = 0; i < ids.length; i += PAGE) {
        for (const b of await tx.select().from(c).where(inArray(c.predictionId, ids.slice(i, i + PAGE)))) before.set(b.predictionId, b);
      }
      const deltas = new DayDeltas();
      const save: (typeof c.$inferInsert)[] = [];
      for (const r of rows) {
        if (r.role === 'shadow') continue;
        const rule = await rules.rule(tx, r.endpointId, r.versionId);
        const now = countLabel(rule, r, r.label);
        const was = before.get(r.predictionId) ?? null;
        if (was && sameCount(was, now)) continue;
        if (was) deltas.label(was, -1);
        deltas.label(now, 1);
        before.set(r.predictionId, now);
        save.push({ predictionId: r.predictionId, endpointId: now.endpointId, versionId: now.versionId, day: now.day, bin: now.bin, value: now.value, positive: now.positive });
      }
      await saveCounted(tx, save);
      await writeDeltas(tx, deltas);
      const last = rows[rows.length - 1];
      cursor = { position: last.receivedAt, tieBreak: last.predictionId };
      // Never move the stored cursor back: the grace re-read starts behind it on purpose.
      if (last.receivedAt > start.position || (last.receivedAt === start.position && last.predictionId > start.tieBreak)) await setWatermark(tx, 'feedback', last.receivedAt, last.predictionId);
      return { rows: rows.length, labels: save.length };
    });
    read += page.rows;
    result.labels += page.labels;
    if (page.rows < PAGE || read >= maxRows) break;
  }
  return result;
}

/** Where each label now counts, so a replacing label can take it back out. */
export async function saveCounted(db: AnyDb, rows: readonly (typeof db.t.kpiCountedLabels.$inferInsert)[]): Promise<void> {
  const c = db.t.kpiCountedLabels;
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insert(c)
      .values(rows.slice(i, i + CHUNK))
      .onConflictDoUpdate({
        target: c.predictionId,
        set: { endpointId: sql`excluded.endpoint_id`, versionId: sql`excluded.version_id`, day: sql`excluded.day`, bin: sql`excluded.bin`, value: sql`excluded.value`, positive: sql`excluded.positive` },
      });
  }
}
