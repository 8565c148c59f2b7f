import { describe, expect, it } from 'vitest';
import { rankAuc } from './rank-auc';

describe('rankAuc', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one and 0.5 for all ties', () => {
    expect(rankAuc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1);
    expect(rankAuc([0.9, 0.8, 0.2, 0.1], [false, false, true, true])).toBe(0);
    expect(rankAuc([0.5, 0.5, 0.5, 0.5], [false, true, false, true])).toBe(0.5);
  });

  it('matches scikit-learn on a small case with ties', () => {
    // roc_auc_score([0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.4, 0.4]) = 0.6666… (/usr/bin/python3, sklearn 1.2.1)
    expect(rankAuc([0.1, 0.4, 0.35, 0.8, 0.4, 0.4], [false, false, true, true, false, true])).toBeCloseTo(2 / 3, 12);
  });
});
