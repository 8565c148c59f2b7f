import { describe, expect, it } from 'vitest';
import { changedFirst, metricRows, paramRows } from './compare-rows';
import { metricDirection, metricName } from './metric-direction';
import { compareHref, parseRunIds } from './run-links';

const a = { id: 'a', params: { 'train.maxDepth': '4', 'split.seed': '42' }, metrics: { 'evaluate.roc_auc': 0.91, 'evaluate.log_loss': 0.3, 'train.rows': 400 } };
const b = { id: 'b', params: { 'train.maxDepth': '8', 'split.seed': '42', 'train.extra': 'x' }, metrics: { 'evaluate.roc_auc': 0.95, 'evaluate.log_loss': 0.35, 'train.rows': 400 } };

describe('paramRows', () => {
  it('marks the params the runs disagree on, a missing one included', () => {
    const rows = paramRows([a, b]);
    expect(rows.map((r) => [r.key, r.differs])).toEqual([
      ['split.seed', false],
      ['train.extra', true],
      ['train.maxDepth', true],
    ]);
    expect(rows.find((r) => r.key === 'train.extra')?.values).toEqual([null, 'x']);
    expect(changedFirst(rows).map((r) => r.key)).toEqual(['train.extra', 'train.maxDepth', 'split.seed']);
  });
});

describe('metricRows', () => {
  it('marks the best run per metric by its direction, and none where best means nothing', () => {
    const rows = metricRows([a, b]);
    expect(rows.find((r) => r.key === 'evaluate.roc_auc')?.best).toEqual([1]);
    expect(rows.find((r) => r.key === 'evaluate.log_loss')?.best).toEqual([0]);
    expect(rows.find((r) => r.key === 'train.rows')).toMatchObject({ direction: null, best: [] });
  });

  it('marks nothing when every run has the same value, and every tied run otherwise', () => {
    const c = { id: 'c', params: {}, metrics: { 'evaluate.roc_auc': 0.95 } };
    expect(metricRows([a, b, c]).find((r) => r.key === 'evaluate.roc_auc')?.best).toEqual([1, 2]);
    expect(metricRows([b, c]).find((r) => r.key === 'evaluate.roc_auc')?.best).toEqual([]);
  });
});

describe('metric keys and links', () => {
  it('reads the metric name after the step id', () => {
    expect(metricName('evaluate-mlp.roc_auc')).toBe('roc_auc');
    expect(metricDirection('evaluate.rmse')).toBe('lower');
    expect(metricDirection('train.finalLoss')).toBe('lower');
    expect(metricDirection('search.trial')).toBeNull();
  });

  it('round-trips run ids through a compare URL', () => {
    expect(compareHref(['x', 'y'])).toBe('/runs/compare?ids=x,y');
    expect(parseRunIds(' x,,y,x ')).toEqual(['x', 'y']);
    expect(parseRunIds(['x', 'y,z'])).toEqual(['x', 'y', 'z']);
    expect(parseRunIds(undefined)).toEqual([]);
  });
});
