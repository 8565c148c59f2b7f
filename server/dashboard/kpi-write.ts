// Writes one pass's day deltas into kpi_daily: read the day's row, add, write back (or insert).
import type Database from 'better-sqlite3';
import { addInto } from './score-bins';
import type { DayDeltas } from './kpi-counting';

const ARRAYS = ['latency_hist', 'pos_hist', 'neg_hist', 'pos_value', 'neg_value'] as const;

interface DailyRow {
  predictions: number;
  labelled: number;
  unusable: number;
  latency_hist: string;
  pos_hist: string;
  neg_hist: string;
  pos_value: string;
  neg_value: string;
}

export function writeDeltas(sqlite: Database.Database, deltas: DayDeltas): void {
  if (deltas.byKey.size === 0) return;
  const read = sqlite.prepare('SELECT predictions, labelled, unusable, latency_hist, pos_hist, neg_hist, pos_value, neg_value FROM kpi_daily WHERE endpoint_id = ? AND version_id = ? AND day = ?');
  const upsert = sqlite.prepare(
    `INSERT INTO kpi_daily (endpoint_id, version_id, day, predictions, labelled, unusable, latency_hist, pos_hist, neg_hist, pos_value, neg_value)
     VALUES (@endpointId, @versionId, @day, @predictions, @labelled, @unusable, @latency_hist, @pos_hist, @neg_hist, @pos_value, @neg_value)
     ON CONFLICT (endpoint_id, version_id, day) DO UPDATE SET predictions = excluded.predictions, labelled = excluded.labelled, unusable = excluded.unusable,
       latency_hist = excluded.latency_hist, pos_hist = excluded.pos_hist, neg_hist = excluded.neg_hist, pos_value = excluded.pos_value, neg_value = excluded.neg_value`,
  );
  for (const d of deltas.byKey.values()) {
    const row = read.get(d.endpointId, d.versionId, d.day) as DailyRow | undefined;
    const add = { latency_hist: d.latencyHist, pos_hist: d.posHist, neg_hist: d.negHist, pos_value: d.posValue, neg_value: d.negValue };
    const merged: Record<string, string> = {};
    for (const name of ARRAYS) merged[name] = JSON.stringify(row ? addInto(JSON.parse(row[name]) as number[], add[name]) : add[name]);
    upsert.run({
      endpointId: d.endpointId,
      versionId: d.versionId,
      day: d.day,
      predictions: (row?.predictions ?? 0) + d.predictions,
      labelled: (row?.labelled ?? 0) + d.labelled,
      unusable: (row?.unusable ?? 0) + d.unusable,
      ...merged,
    });
  }
}
