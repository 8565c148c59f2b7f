// Writes one pass's day deltas into kpi_daily: read the pass's day rows in one query, add, and
// write them back (or insert them) in a few multi-row upserts. Runs inside the pass's transaction.
import { and, inArray, sql } from 'drizzle-orm';
import type { AnyDb } from '../db/any-db';
import { addInto } from './score-bins';
import type { DayDeltas } from './kpi-counting';

const ARRAYS = ['latencyHist', 'posHist', 'negHist', 'posValue', 'negValue'] as const;
/** Rows per upsert statement: 11 parameters each stays far below either dialect's limit. */
const CHUNK = 500;

const key = (endpointId: string, versionId: string, day: number) => `${endpointId}\u0000${versionId}\u0000${day}`;

export async function writeDeltas(db: AnyDb, deltas: DayDeltas): Promise<void> {
  if (deltas.byKey.size === 0) return;
  const k = db.t.kpiDaily;
  const all = [...deltas.byKey.values()];
  const endpointIds = [...new Set(all.map((d) => d.endpointId))];
  const days = [...new Set(all.map((d) => d.day))];
  // A superset of the rows the deltas touch (every endpoint × every day of the pass), matched by key here.
  const existing = new Map<string, typeof k.$inferSelect>();
  for (let i = 0; i < endpointIds.length; i += CHUNK) {
    const rows = await db
      .select()
      .from(k)
      .where(and(inArray(k.endpointId, endpointIds.slice(i, i + CHUNK)), inArray(k.day, days)));
    for (const r of rows) existing.set(key(r.endpointId, r.versionId, r.day), r);
  }
  const merged = all.map((d) => {
    const row = existing.get(key(d.endpointId, d.versionId, d.day));
    const add = { latencyHist: d.latencyHist, posHist: d.posHist, negHist: d.negHist, posValue: d.posValue, negValue: d.negValue };
    const arrays = {} as Record<(typeof ARRAYS)[number], number[]>;
    for (const name of ARRAYS) arrays[name] = row ? addInto(row[name], add[name]) : add[name];
    return {
      endpointId: d.endpointId,
      versionId: d.versionId,
      day: d.day,
      predictions: (row?.predictions ?? 0) + d.predictions,
      labelled: (row?.labelled ?? 0) + d.labelled,
      unusable: (row?.unusable ?? 0) + d.unusable,
      ...arrays,
    };
  });
  for (let i = 0; i < merged.length; i += CHUNK) {
    await db
      .insert(k)
      .values(merged.slice(i, i + CHUNK))
      .onConflictDoUpdate({
        target: [k.endpointId, k.versionId, k.day],
        set: {
          predictions: sql`excluded.predictions`,
          labelled: sql`excluded.labelled`,
          unusable: sql`excluded.unusable`,
          latencyHist: sql`excluded.latency_hist`,
          posHist: sql`excluded.pos_hist`,
          negHist: sql`excluded.neg_hist`,
          posValue: sql`excluded.pos_value`,
          negValue: sql`excluded.neg_value`,
        },
      });
  }
}
