// The business-value figures from the incrementally kept aggregates equal a hand computation over
// 1,000 labelled predictions, for three cost settings; replaced feedback and re-reads stay exact.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../db/test-db';
import { priceAt, thresholdSweep, type OutcomePrices } from './business-value';
import { consumeKpis } from './kpi-consumer';
import { readDays, sumDays } from './kpi-read';
import { dayOf } from './kpi-counting';
import { logPredictions, postFeedback, prng, seedDeployedModel, seedProject, type SeedPrediction, type SeededModel } from './seed-kit';

const NOW = Date.UTC(2026, 11, 6, 12);
let t: TestDb;
let model: SeededModel;

beforeEach(() => {
  t = openTestDb();
  seedProject(t.sqlite);
  model = seedDeployedModel(t.sqlite, 'fraud', { createdAt: NOW - 40 * 86_400_000 });
});
afterEach(() => t.cleanup());

function fixture(n: number): { rows: SeedPrediction[]; labels: number[] } {
  const random = prng(7);
  const rows: SeedPrediction[] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = random() < 0.3 ? 1 : 0;
    // Scores lean toward the truth, and some land exactly on hundredths (0.29, 0.5…).
    const raw = label ? 0.35 + 0.65 * random() : 0.75 * random();
    const score = i % 10 === 0 ? Math.round(raw * 100) / 100 : raw;
    rows.push({ id: `p${i}`, createdAt: NOW - (i % 5) * 86_400_000, latencyMs: 1 + (i % 40), amount: Math.round(random() * 50_000) / 100, score });
    labels.push(label);
  }
  return { rows, labels };
}

/** By hand: each row judged at the threshold and priced on its own. */
function byHand(rows: SeedPrediction[], labels: number[], p: OutcomePrices, threshold: number) {
  let value = 0;
  let cost = 0;
  rows.forEach((r, i) => {
    const predicted = r.score >= threshold;
    if (predicted && labels[i] === 1) value += p.tpValue * (p.tpWeighted ? r.amount : 1);
    if (predicted && labels[i] === 0) cost += p.fpCost * (p.fpWeighted ? r.amount : 1);
    if (!predicted && labels[i] === 1) cost += p.fnCost * (p.fnWeighted ? r.amount : 1);
  });
  return { value, cost };
}

function saveSettings(valueColumn: string | null) {
  t.sqlite
    .prepare("INSERT INTO business_kpi_settings (model_id, positive_label, tp_value, fp_cost, fn_cost, value_column, threshold, updated_at) VALUES (?, '1', 1, 1, 1, ?, 0.5, 0)")
    .run(model.modelId, valueColumn);
}

const SETTINGS: { name: string; prices: OutcomePrices; threshold: number }[] = [
  { name: 'fixed sums', prices: { tpValue: 120, tpWeighted: false, fpCost: 15, fpWeighted: false, fnCost: 300, fnWeighted: false }, threshold: 0.5 },
  { name: 'fraud caught worth the amount, a blocked customer a fixed 25', prices: { tpValue: 1, tpWeighted: true, fpCost: 25, fpWeighted: false, fnCost: 1, fnWeighted: true }, threshold: 0.29 },
  { name: 'everything weighted, errors costly', prices: { tpValue: 0.9, tpWeighted: true, fpCost: 0.05, fpWeighted: true, fnCost: 1.2, fnWeighted: true }, threshold: 0.7 },
];

describe('business value from the aggregates', () => {
  for (const s of SETTINGS) {
    it(`equals the hand computation on 1,000 labelled predictions: ${s.name}`, async () => {
      saveSettings('amount');
      const { rows, labels } = fixture(1000);
      logPredictions(t.sqlite, model, rows);
      postFeedback(t.sqlite, model.endpointId, rows.map((r, i) => ({ predictionId: r.id, label: String(labels[i]), receivedAt: NOW + i })));
      await consumeKpis(t.anyDb, { now: NOW });
      const total = sumDays(await readDays(t.anyDb, model.endpointId, dayOf(NOW) - 10, dayOf(NOW)));
      expect(total.labelled).toBe(1000);
      const got = priceAt(total, s.prices, s.threshold);
      const want = byHand(rows, labels, s.prices, s.threshold);
      expect(got.valueDelivered).toBeCloseTo(want.value, 6);
      expect(got.costOfErrors).toBeCloseTo(want.cost, 6);
      // Every other threshold of the sweep matches the hand computation too.
      for (const point of thresholdSweep(total, s.prices).points.filter((_, k) => k % 7 === 0)) {
        const other = byHand(rows, labels, s.prices, point.threshold);
        expect(point.net).toBeCloseTo(other.value - other.cost, 6);
      }
    });
  }
});

describe('the incremental consumer', () => {
  it('counts in pieces what it counts at once, and a second pass over the grace window adds nothing', async () => {
    const { rows, labels } = fixture(300);
    logPredictions(t.sqlite, model, rows.slice(0, 100));
    postFeedback(t.sqlite, model.endpointId, rows.slice(0, 50).map((r, i) => ({ predictionId: r.id, label: labels[i], receivedAt: NOW + i })));
    expect(await consumeKpis(t.anyDb, { now: NOW })).toEqual({ predictions: 100, labels: 50 });
    logPredictions(t.sqlite, model, rows.slice(100));
    postFeedback(t.sqlite, model.endpointId, rows.slice(50).map((r, i) => ({ predictionId: r.id, label: labels[50 + i], receivedAt: NOW + 50 + i })));
    expect(await consumeKpis(t.anyDb, { now: NOW })).toEqual({ predictions: 200, labels: 250 });
    expect(await consumeKpis(t.anyDb, { now: NOW })).toEqual({ predictions: 0, labels: 0 });
    const total = sumDays(await readDays(t.anyDb, model.endpointId, dayOf(NOW) - 10, dayOf(NOW)));
    expect(total.predictions).toBe(300);
    expect(total.labelled).toBe(300);
    expect(total.posHist.reduce((a, b) => a + b, 0)).toBe(labels.filter((l) => l === 1).length);
  });

  it('moves a replaced label from one class to the other instead of counting it twice', async () => {
    const { rows } = fixture(10);
    logPredictions(t.sqlite, model, rows);
    postFeedback(t.sqlite, model.endpointId, rows.map((r, i) => ({ predictionId: r.id, label: '0', receivedAt: NOW + i })));
    await consumeKpis(t.anyDb, { now: NOW });
    postFeedback(t.sqlite, model.endpointId, [{ predictionId: rows[3].id, label: '1', receivedAt: NOW + 5 * 60_000 }]);
    expect((await consumeKpis(t.anyDb, { now: NOW })).labels).toBe(1);
    const total = sumDays(await readDays(t.anyDb, model.endpointId, dayOf(NOW) - 10, dayOf(NOW)));
    expect(total.labelled).toBe(10);
    expect(total.posHist.reduce((a, b) => a + b, 0)).toBe(1);
    expect(total.negHist.reduce((a, b) => a + b, 0)).toBe(9);
  });

  it('counts a label that is not a class of the model as unusable, in neither class', async () => {
    const { rows } = fixture(2);
    logPredictions(t.sqlite, model, rows);
    postFeedback(t.sqlite, model.endpointId, [{ predictionId: rows[0].id, label: 'yes', receivedAt: NOW }]);
    await consumeKpis(t.anyDb, { now: NOW });
    const total = sumDays(await readDays(t.anyDb, model.endpointId, dayOf(NOW) - 10, dayOf(NOW)));
    expect(total.unusable).toBe(1);
    expect(total.posHist.reduce((a, b) => a + b, 0) + total.negHist.reduce((a, b) => a + b, 0)).toBe(0);
  });
});
