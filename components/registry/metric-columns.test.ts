import { describe, expect, it } from 'vitest';
import { bestFirst, metricColumns } from './metric-columns';

describe('metricColumns', () => {
  it('puts the sort metric first, then headline metrics, then the rest', () => {
    expect(metricColumns(['brier', 'accuracy', 'roc_auc', 'log_loss'], null)).toEqual(['roc_auc', 'accuracy', 'log_loss']);
    expect(metricColumns(['brier', 'accuracy', 'roc_auc'], 'brier', 2)).toEqual(['brier', 'roc_auc']);
  });
});

describe('bestFirst', () => {
  it('sorts errors ascending and scores descending', () => {
    expect(bestFirst('rmse')).toBe('asc');
    expect(bestFirst('log_loss')).toBe('asc');
    expect(bestFirst('roc_auc')).toBe('desc');
    expect(bestFirst('custom_score')).toBe('desc');
  });
});
