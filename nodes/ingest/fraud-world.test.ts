import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../split/prng';
import { cumulative, fraudWorld, isNight, MERCHANT_CATEGORIES, pick } from './fraud-world';

const share = (weights: number[], keep: (i: number) => boolean) =>
  weights.reduce((s, w, i) => s + (keep(i) ? w : 0), 0) / weights.reduce((a, b) => a + b, 0);

describe('fraudWorld', () => {
  it('blends the reference and shifted worlds linearly', () => {
    const [w0, half, w1] = [fraudWorld(0), fraudWorld(0.5), fraudWorld(1)];
    expect(half.fraud.cardNotPresent).toBeCloseTo((w0.fraud.cardNotPresent + w1.fraud.cardNotPresent) / 2, 12);
    half.foreign.forEach((p, c) => expect(p).toBeCloseTo((w0.foreign[c] + w1.foreign[c]) / 2, 12));
    expect(w1.amountLogMedian[0] - w0.amountLogMedian[0]).toBeCloseTo(0.4, 12);
  });

  it('shifts towards night, online and abroad at drift 1, and keeps the shares valid', () => {
    const [w0, w1] = [fraudWorld(0), fraudWorld(1)];
    const night = (w: number[]) => share(w, isNight);
    expect(night(w1.hourWeights)).toBeGreaterThan(2.5 * night(w0.hourWeights));
    const online = MERCHANT_CATEGORIES.indexOf('online_retail');
    expect(share(w1.categoryWeights, (i) => i === online)).toBeGreaterThan(share(w0.categoryWeights, (i) => i === online));
    for (const w of [w0, w1]) {
      expect(w.categoryWeights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      for (const p of [...w.cardNotPresent, ...w.foreign]) expect(p).toBeGreaterThan(0);
      for (const p of [...w.cardNotPresent, ...w.foreign]) expect(p).toBeLessThan(1);
    }
    w1.cardNotPresent.forEach((p, c) => expect(p).toBeGreaterThan(w0.cardNotPresent[c]));
    w1.foreign.forEach((p, c) => expect(p).toBeGreaterThan(w0.foreign[c]));
  });

  it('changes the fraud mechanism, not only the features', () => {
    const [f0, f1] = [fraudWorld(0).fraud, fraudWorld(1).fraud];
    expect(f1.amount).toBeLessThan(f0.amount);
    expect(f1.night).toBeLessThan(f0.night);
    expect(f1.cardNotPresent).toBeGreaterThan(f0.cardNotPresent);
    expect(f1.category).not.toEqual(f0.category);
  });
});

describe('cumulative and pick', () => {
  it('draws each index in proportion to its weight', () => {
    const cdf = cumulative([1, 0, 3]);
    expect(Array.from(cdf)).toEqual([0.25, 0.25, 1]);
    const prng = mulberry32(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[pick(cdf, prng.next())]++;
    expect(counts[1]).toBe(0);
    expect(counts[0] / 40_000).toBeCloseTo(0.25, 2);
    expect(pick(cdf, 0.999999)).toBe(2);
  });
});
