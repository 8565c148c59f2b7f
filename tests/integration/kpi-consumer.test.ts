// The KPI consumer on both databases: predictions and labels folded into kpi_daily exactly once
// (a second pass and the feedback grace re-read add nothing), a replaced label moving its count,
// string labels kept as strings on Postgres's jsonb, shadows left out, and a re-count after the
// positive class changes. On Postgres a prediction counts once it is SETTLE_MS old.
import { expect, it } from 'vitest';
import type { AnyDb } from '../../server/db/any-db';
import { consumeKpis, SETTLE_MS } from '../../server/dashboard/kpi-consumer';
import { dayOf } from '../../server/dashboard/kpi-counting';
import { readDays, sumDays } from '../../server/dashboard/kpi-read';
import { recountModelLabels } from '../../server/dashboard/kpi-recount';
import { saveKpiSettings } from '../../server/dashboard/kpi-settings';
import { seedBase, seedModel } from './helpers/dashboard-models';
import { describeEachDatabase } from './helpers/each-database';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 6, 12);

async function log(db: AnyDb, endpointId: string, versionId: string, rows: { id: string; createdAt: number; score: number; role?: 'primary' | 'shadow' }[]) {
  await db.insert(db.t.predictionLog).values(
    rows.map((r) => ({
      id: r.id,
      endpointId,
      versionId,
      role: r.role ?? 'primary',
      shadowOf: r.role === 'shadow' ? 'x' : null,
      createdAt: r.createdAt,
      latencyMs: 4,
      inputs: { amount: 10, country: 'US' },
      outputs: { prediction: r.score >= 0.5 ? '1' : '0', probabilities: { '0': 1 - r.score, '1': r.score } },
    })),
  );
}

async function feedback(db: AnyDb, endpointId: string, rows: { predictionId: string; label: string | number; receivedAt: number }[]) {
  const f = db.t.predictionFeedback;
  for (const r of rows) {
    await db.insert(f).values({ predictionId: r.predictionId, endpointId, label: r.label, receivedAt: r.receivedAt }).onConflictDoUpdate({ target: f.predictionId, set: { label: r.label, receivedAt: r.receivedAt } });
  }
}

describeEachDatabase('KPI consumer', (under) => {
  it('folds predictions and labels into the day aggregates once, and moves a replaced label', async () => {
    const { db } = under;
    await seedBase(db);
    const m = await seedModel(db, 'fraud', { at: NOW - 50 * DAY });
    const rows = Array.from({ length: 12 }, (_, i) => ({ id: `p${String(i).padStart(2, '0')}`, createdAt: NOW - (i % 3) * DAY - 600_000, score: i < 6 ? 0.9 : 0.2 }));
    await log(db, m.endpointId, m.versionId, [...rows, { id: 'shadow-1', createdAt: NOW - 600_000, score: 0.9, role: 'shadow' }]);
    // Labels as the feedback route stores them: JSON strings ("1" must stay the string "1").
    await feedback(db, m.endpointId, rows.map((r, i) => ({ predictionId: r.id, label: i < 6 ? '1' : '0', receivedAt: NOW - 300_000 + i })));
    await feedback(db, m.endpointId, [{ predictionId: 'shadow-1', label: '1', receivedAt: NOW - 300_000 }]);

    // 13 rows read (the shadow's too), 12 counted.
    expect(await consumeKpis(db, { now: NOW })).toEqual({ predictions: 13, labels: 12 });
    let total = sumDays(await readDays(db, m.endpointId, dayOf(NOW) - 6, dayOf(NOW)));
    expect(total).toMatchObject({ predictions: 12, labelled: 12, unusable: 0 });
    expect(total.posHist[90]).toBe(6);
    expect(total.negHist[20]).toBe(6);
    expect(total.latencyHist.reduce((a, b) => a + b, 0)).toBe(12);
    // A second pass re-reads the feedback grace window and adds nothing.
    expect(await consumeKpis(db, { now: NOW + 1000 })).toEqual({ predictions: 0, labels: 0 });

    // p00 was a positive; its label is replaced by a negative: the count moves, it does not double.
    await feedback(db, m.endpointId, [{ predictionId: 'p00', label: '0', receivedAt: NOW + 5_000 }]);
    expect((await consumeKpis(db, { now: NOW + 10_000 })).labels).toBe(1);
    total = sumDays(await readDays(db, m.endpointId, dayOf(NOW) - 6, dayOf(NOW)));
    expect(total).toMatchObject({ predictions: 12, labelled: 12 });
    expect(total.posHist[90]).toBe(5);
    expect(total.negHist[90]).toBe(1);

    // A label that is not a class of the model counts as unusable.
    await log(db, m.endpointId, m.versionId, [{ id: 'q1', createdAt: NOW + 1000, score: 0.7 }]);
    await feedback(db, m.endpointId, [{ predictionId: 'q1', label: 'yes', receivedAt: NOW + 20_000 }]);
    expect(await consumeKpis(db, { now: NOW + 1000 + SETTLE_MS })).toEqual({ predictions: 1, labels: 1 });
    total = sumDays(await readDays(db, m.endpointId, dayOf(NOW) - 6, dayOf(NOW)));
    expect(total).toMatchObject({ predictions: 13, labelled: 13, unusable: 1 });

    // The positive class becomes "0": every label is counted again the other way round.
    const saved = await saveKpiSettings(db, { modelId: m.modelId, positiveLabel: '0', tpValue: 1, tpWeighted: false, fpCost: 1, fpWeighted: false, fnCost: 1, fnWeighted: false, valueColumn: null, threshold: 0.5, currency: 'USD' }, 'seeder');
    expect(saved.recount).toBe(true);
    expect(await recountModelLabels(db, m.modelId)).toBe(13);
    total = sumDays(await readDays(db, m.endpointId, dayOf(NOW) - 6, dayOf(NOW)));
    expect(total).toMatchObject({ predictions: 13, labelled: 13, unusable: 1 });
    // Class "0" is now positive: p00 and p06..p11 (label "0") are positives, p01..p05 negatives.
    const sum = (bins: readonly number[]) => bins.reduce((a, b) => a + b, 0);
    expect(sum(total.negHist)).toBe(5);
    expect(sum(total.posHist)).toBe(7);
    expect(await consumeKpis(db, { now: NOW + 2 * SETTLE_MS })).toEqual({ predictions: 0, labels: 0 });
  });

  it('counts a prediction on Postgres only once it has settled, and never twice', async () => {
    const { db } = under;
    await seedBase(db);
    const m = await seedModel(db, 'late', { at: NOW - 50 * DAY });
    await log(db, m.endpointId, m.versionId, [
      { id: 'old', createdAt: NOW - SETTLE_MS - 1, score: 0.3 },
      { id: 'fresh', createdAt: NOW - 1000, score: 0.3 },
    ]);
    const first = await consumeKpis(db, { now: NOW });
    expect(first.predictions).toBe(under.dialect === 'sqlite' ? 2 : 1);
    const later = await consumeKpis(db, { now: NOW + SETTLE_MS });
    expect(later.predictions).toBe(under.dialect === 'sqlite' ? 0 : 1);
    // Same createdAt as the last one counted, a larger id: the (createdAt, id) cursor still takes it.
    await log(db, m.endpointId, m.versionId, [{ id: 'fresh2', createdAt: NOW - 1000, score: 0.3 }]);
    expect((await consumeKpis(db, { now: NOW + SETTLE_MS })).predictions).toBe(1);
    const total = sumDays(await readDays(db, m.endpointId, dayOf(NOW) - 1, dayOf(NOW)));
    expect(total.predictions).toBe(3);
  });
});
