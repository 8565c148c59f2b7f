import { describe, expect, it } from 'vitest';
import { holdoutRows } from './holdout-figures';

describe('holdoutRows', () => {
  it('pairs every numeric figure of both sides, nested names joined by dots', () => {
    expect(holdoutRows({ champion: { roc_auc: 0.88, business: { net: 1200 } }, challenger: { roc_auc: 0.91, business: { net: 1500 }, f1: 0.7 } })).toEqual([
      { name: 'business.net', champion: 1200, challenger: 1500 },
      { name: 'f1', champion: null, challenger: 0.7 },
      { name: 'roc_auc', champion: 0.88, challenger: 0.91 },
    ]);
  });

  it('is null for figures without both sides', () => {
    expect(holdoutRows(null)).toBeNull();
    expect(holdoutRows({ champion: { roc_auc: 0.9 } })).toBeNull();
  });
});
