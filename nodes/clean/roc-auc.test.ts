import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../split/prng';
import { rocAuc } from './roc-auc';

/** The definition itself: share of (positive, negative) pairs ordered right, ties counting half. */
function pairwiseAuc(scores: number[], positive: boolean[]): number {
  let sum = 0;
  let pairs = 0;
  scores.forEach((p, i) => {
    if (!positive[i]) return;
    scores.forEach((q, j) => {
      if (positive[j]) return;
      pairs++;
      sum += p > q ? 1 : p === q ? 0.5 : 0;
    });
  });
  return sum / pairs;
}

describe('rocAuc', () => {
  it('gives the known values on small cases', () => {
    // the example in sklearn's roc_auc_score docs: 0.75
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBeCloseTo(0.75, 12);
    // with ties, by hand: pairs (2,1) (3,1) (3,1) (3,2) (3,2) win, (2,2) ties: 5.5 / 6
    expect(rocAuc([1, 2, 2, 3, 3], [false, false, true, true, true])).toBeCloseTo(11 / 12, 12);
    expect(rocAuc([1, 1, 2, 2], [false, true, false, true])).toBe(0.5);
  });

  it('is 1 for a perfect score, 0 for a reversed one, NaN with one class', () => {
    expect(rocAuc([1, 2, 3, 4], [false, false, true, true])).toBe(1);
    expect(rocAuc([4, 3, 2, 1], [false, false, true, true])).toBe(0);
    expect(rocAuc([1, 2], [true, true])).toBeNaN();
  });

  it('agrees with the pairwise definition on random data with many ties', () => {
    const prng = mulberry32(5);
    for (let trial = 0; trial < 20; trial++) {
      const n = 30 + prng.nextInt(50);
      const scores = Array.from({ length: n }, () => prng.nextInt(8));
      const positive = Array.from({ length: n }, (_, i) => (i < 2 ? i === 0 : prng.next() < 0.4));
      expect(rocAuc(scores, positive)).toBeCloseTo(pairwiseAuc(scores, positive), 12);
    }
  });
});
