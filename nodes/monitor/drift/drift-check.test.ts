import { describe, expect, it } from 'vitest';
import { columnsFromRows } from './current-window';
import { driftCheck } from './drift-check';
import { driftSettingsSchema } from './drift-thresholds';
import { referenceProfile } from './reference-profile';
import type { CategoricalDrift, NumericDrift } from './drift-result';

/** A deterministic spread of n values in [0, 1). */
const spread = (n: number, shift = 0) => Array.from({ length: n }, (_, i) => ((i * 0.618034) % 1) + shift);

const profile = referenceProfile(
  [
    { name: 'amount', type: 'numeric', values: spread(2000) },
    { name: 'merchant', type: 'categorical', values: spread(2000).map((v) => (v < 0.5 ? 'grocery' : 'travel')) },
  ],
  { name: 'fraud', type: 'categorical', values: spread(2000).map((v) => (v < 0.1 ? 'yes' : 'no')) },
  2000,
);
const defaults = driftSettingsSchema.parse({});

function rows(n: number, shift: number, newMerchant: boolean) {
  return spread(n, shift).map((v, i) => ({ amount: v, merchant: newMerchant && i % 4 === 0 ? 'casino' : v - shift < 0.5 ? 'grocery' : 'travel' }));
}

describe('driftCheck', () => {
  it('finds no drift in a window drawn like the reference', () => {
    const window = rows(500, 0, false);
    const report = driftCheck(profile, { rows: 500, columns: columnsFromRows(profile.features, window), predictions: null }, defaults);
    expect(report.drifted).toBe(false);
    expect(report.features.map((f) => f.reasons)).toEqual([[], []]);
  });

  it('flags a shifted amount and an unseen merchant, with the reasons', () => {
    const window = rows(500, 0.5, true);
    const report = driftCheck(profile, { rows: 500, columns: columnsFromRows(profile.features, window), predictions: null }, defaults);
    expect(report.driftedFeatures).toEqual(['amount', 'merchant']);
    const amount = report.features[0] as NumericDrift;
    expect(amount.ks?.statistic).toBeCloseTo(0.5, 2);
    expect(amount.wasserstein).toBeCloseTo(0.5, 2);
    expect(amount.reasons.some((r) => r.startsWith('PSI'))).toBe(true);
    const merchant = report.features[1] as CategoricalDrift;
    expect(merchant.unseen).toEqual([{ value: 'casino', count: 125 }]);
    expect(merchant.unseenShare).toBe(0.25);
  });

  it('reports missing and wrongly typed values, and honours per-feature thresholds', () => {
    const window = rows(100, 0, false).map((r, i) => (i < 20 ? { ...r, amount: i < 10 ? null : 'n/a' } : r));
    const settings = driftSettingsSchema.parse({ features: { amount: { missingRateIncrease: null } } });
    const report = driftCheck(profile, { rows: 100, columns: columnsFromRows(profile.features, window), predictions: null }, settings);
    const amount = report.features[0] as NumericDrift;
    expect(amount.missingRate).toBe(0.2);
    expect(amount.invalid).toBe(10);
    expect(amount.drifted).toBe(false);
    const strict = driftCheck(profile, { rows: 100, columns: columnsFromRows(profile.features, window), predictions: null }, defaults);
    expect(strict.features[0].reasons).toEqual(['missing rate increase 0.2 > 0.05']);
  });

  it('compares the predictions with the training target', () => {
    const predictions = Array.from({ length: 400 }, (_, i) => (i % 2 ? 'yes' : 'no'));
    const report = driftCheck(profile, { rows: 400, columns: columnsFromRows(profile.features, rows(400, 0, false)), predictions }, defaults);
    expect(report.prediction?.drifted).toBe(true);
    expect(report.drifted).toBe(true);
  });

  it('names a feature the window lacks', () => {
    expect(() => driftCheck(profile, { rows: 0, columns: [], predictions: null }, defaults)).toThrow('no column "amount"');
  });
});
