import { describe, expect, it } from 'vitest';
import { MAX_PARAM_VALUE_CHARS, paramRows } from './param-rows';

describe('paramRows', () => {
  it('flattens plain objects, keeps lists whole and numbers as numbers', () => {
    const rows = paramRows('train', { learningRate: 0.01, hiddenLayers: [32, 16], target: 'y', fractions: { train: 0.7, test: 0.3 }, early: true, none: null, empty: {} });
    expect(rows).toEqual([
      { stepId: 'train', key: 'train.early', value: 'true', num: null },
      { stepId: 'train', key: 'train.empty', value: '{}', num: null },
      { stepId: 'train', key: 'train.fractions.test', value: '0.3', num: 0.3 },
      { stepId: 'train', key: 'train.fractions.train', value: '0.7', num: 0.7 },
      { stepId: 'train', key: 'train.hiddenLayers', value: '[32,16]', num: null },
      { stepId: 'train', key: 'train.learningRate', value: '0.01', num: 0.01 },
      { stepId: 'train', key: 'train.none', value: 'null', num: null },
      { stepId: 'train', key: 'train.target', value: 'y', num: null },
    ]);
  });

  it('writes objects inside lists as canonical JSON, so equal values compare equal', () => {
    const [a] = paramRows('e', { gates: [{ op: '>=', metric: 'roc_auc' }] });
    const [b] = paramRows('e', { gates: [{ metric: 'roc_auc', op: '>=' }] });
    expect(a.value).toBe(b.value);
  });

  it('cuts very long values', () => {
    const [row] = paramRows('s', { text: 'x'.repeat(5000) });
    expect(row.value).toHaveLength(MAX_PARAM_VALUE_CHARS);
  });
});
