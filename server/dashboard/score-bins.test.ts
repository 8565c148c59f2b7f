import { describe, expect, it } from 'vitest';
import { binnedAuc, emptyBins, isBinThreshold, scoreBin } from './score-bins';

describe('scoreBin', () => {
  it('agrees with the direct comparison score >= k/100 for every threshold', () => {
    const scores = [0, 0.005, 0.01, 0.07, 0.29, 0.3, 0.5, 0.57, 0.999, 1, 0.1 + 0.2, 0.58, 0.83];
    for (const s of scores) {
      for (let k = 0; k <= 100; k++) expect(scoreBin(s) >= k).toBe(s >= k / 100);
    }
  });

  it('clamps out-of-range and NaN scores', () => {
    expect(scoreBin(-0.2)).toBe(0);
    expect(scoreBin(Number.NaN)).toBe(0);
    expect(scoreBin(1.5)).toBe(100);
  });
});

describe('isBinThreshold', () => {
  it('accepts hundredths in [0, 1] only', () => {
    expect(isBinThreshold(0.35)).toBe(true);
    expect(isBinThreshold(0.355)).toBe(false);
    expect(isBinThreshold(1.01)).toBe(false);
  });
});

describe('binnedAuc', () => {
  it('is 1 when positives outrank negatives, 0.5 when all tie, null with one class', () => {
    const pos = emptyBins();
    const neg = emptyBins();
    pos[90] = 3;
    neg[10] = 2;
    expect(binnedAuc(pos, neg)).toBe(1);
    const tiePos = emptyBins();
    const tieNeg = emptyBins();
    tiePos[50] = 4;
    tieNeg[50] = 4;
    expect(binnedAuc(tiePos, tieNeg)).toBe(0.5);
    expect(binnedAuc(pos, emptyBins())).toBeNull();
  });
});
