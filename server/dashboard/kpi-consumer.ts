// The studio-side consumer that keeps kpi_daily up to date: it reads only prediction log rows past
// its rowid watermark and feedback past its (receivedAt, predictionId) cursor, never the whole log.
// Each call first re-reads the last GRACE_MS of feedback, because a second serving process may
// commit a row stamped a little before one already read; kpi_counted_labels makes that re-read
// (and any replaced label) exact: an unchanged label is skipped, a changed one moves its count.
// Pages are IMMEDIATE transactions, so two studio processes consuming at once take turns.
import type Database from 'better-sqlite3';
import { countLabel, DayDeltas, sameCount, type CountedLabel } from './kpi-counting';
import { RuleCache } from './kpi-rules';
import { writeDeltas } from './kpi-write';

export const GRACE_MS = 60_000;
const PAGE = 5_000;

export interface ConsumeResult {
  predictions: number;
  labels: number;
}

interface LogRow {
  rid: number;
  endpoint_id: string;
  version_id: string;
  role: string;
  created_at: number;
  latency_ms: number;
}

interface FeedbackRow {
  prediction_id: string;
  label: string;
  received_at: number;
  endpoint_id: string;
  version_id: string;
  role: string;
  created_at: number;
  inputs: string;
  outputs: string;
}

interface CountedRow {
  endpoint_id: string;
  version_id: string;
  day: number;
  bin: number | null;
  value: number | null;
  positive: number | null;
}

function watermark(sqlite: Database.Database, stream: string): { position: number; tieBreak: string } {
  const row = sqlite.prepare('SELECT position, tie_break AS tieBreak FROM kpi_watermarks WHERE stream = ?').get(stream) as { position: number; tieBreak: string } | undefined;
  return row ?? { position: 0, tieBreak: '' };
}

function setWatermark(sqlite: Database.Database, stream: string, position: number, tieBreak: string): void {
  sqlite
    .prepare('INSERT INTO kpi_watermarks (stream, position, tie_break, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (stream) DO UPDATE SET position = excluded.position, tie_break = excluded.tie_break, updated_at = excluded.updated_at')
    .run(stream, position, tieBreak, Date.now());
}

/** Consumes what arrived since the last call, in pages of its own transactions; at most `maxRows` of each stream. */
export function consumeKpis(sqlite: Database.Database, { maxRows = Infinity }: { maxRows?: number } = {}): ConsumeResult {
  const rules = new RuleCache(sqlite);
  const result = { predictions: 0, labels: 0 };
  const nextLogs = sqlite.prepare('SELECT rowid AS rid, endpoint_id, version_id, role, created_at, latency_ms FROM prediction_log WHERE rowid > ? ORDER BY rowid LIMIT ?');
  for (;;) {
    const page = sqlite.transaction(() => {
      const rows = nextLogs.all(watermark(sqlite, 'predictions').position, PAGE) as LogRow[];
      if (rows.length === 0) return 0;
      const deltas = new DayDeltas();
      for (const r of rows) if (r.role !== 'shadow') deltas.prediction(r.endpoint_id, r.version_id, r.created_at, r.latency_ms);
      writeDeltas(sqlite, deltas);
      setWatermark(sqlite, 'predictions', rows[rows.length - 1].rid, '');
      return rows.length;
    }).immediate();
    result.predictions += page;
    if (page < PAGE || result.predictions >= maxRows) break;
  }
  const start = watermark(sqlite, 'feedback');
  let cursor = { position: Math.max(0, start.position - GRACE_MS), tieBreak: '' };
  const nextFeedback = sqlite.prepare(
    `SELECT f.prediction_id, f.label, f.received_at, l.endpoint_id, l.version_id, l.role, l.created_at, l.inputs, l.outputs
     FROM prediction_feedback f JOIN prediction_log l ON l.id = f.prediction_id
     WHERE f.received_at > ? OR (f.received_at = ? AND f.prediction_id > ?) ORDER BY f.received_at, f.prediction_id LIMIT ?`,
  );
  const counted = sqlite.prepare('SELECT endpoint_id, version_id, day, bin, value, positive FROM kpi_counted_labels WHERE prediction_id = ?');
  const saveCounted = sqlite.prepare(
    `INSERT INTO kpi_counted_labels (prediction_id, endpoint_id, version_id, day, bin, value, positive) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (prediction_id) DO UPDATE SET endpoint_id = excluded.endpoint_id, version_id = excluded.version_id, day = excluded.day, bin = excluded.bin, value = excluded.value, positive = excluded.positive`,
  );
  let read = 0;
  for (;;) {
    const page = sqlite.transaction(() => {
      const rows = nextFeedback.all(cursor.position, cursor.position, cursor.tieBreak, PAGE) as FeedbackRow[];
      if (rows.length === 0) return { rows: 0, labels: 0 };
      const deltas = new DayDeltas();
      let labels = 0;
      for (const f of rows) {
        if (f.role === 'shadow') continue;
        const rule = rules.rule(f.endpoint_id, f.version_id);
        const row = { endpointId: f.endpoint_id, versionId: f.version_id, createdAt: f.created_at, inputs: JSON.parse(f.inputs), outputs: JSON.parse(f.outputs) };
        const now = countLabel(rule, row, JSON.parse(f.label) as string | number | boolean);
        const before = counted.get(f.prediction_id) as CountedRow | undefined;
        const was: CountedLabel | null = before
          ? { endpointId: before.endpoint_id, versionId: before.version_id, day: before.day, bin: before.bin, value: before.value, positive: before.positive === null ? null : before.positive === 1 }
          : null;
        if (was && sameCount(was, now)) continue;
        if (was) deltas.label(was, -1);
        deltas.label(now, 1);
        saveCounted.run(f.prediction_id, now.endpointId, now.versionId, now.day, now.bin, now.value, now.positive === null ? null : now.positive ? 1 : 0);
        labels += 1;
      }
      writeDeltas(sqlite, deltas);
      const last = rows[rows.length - 1];
      cursor = { position: last.received_at, tieBreak: last.prediction_id };
      // Never move the stored cursor back: the grace re-read starts behind it on purpose.
      if (last.received_at > start.position || (last.received_at === start.position && last.prediction_id > start.tieBreak)) setWatermark(sqlite, 'feedback', last.received_at, last.prediction_id);
      return { rows: rows.length, labels };
    }).immediate();
    read += page.rows;
    result.labels += page.labels;
    if (page.rows < PAGE || read >= maxRows) break;
  }
  return result;
}
