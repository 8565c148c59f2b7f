import { describe, expect, it } from 'vitest';
import { rankAuc } from './rank-auc';
import { higherIsBetter, metricValue, resolveMetric } from './search-metric';

const binary = { kind: 'classification' as const, classes: 2, y: Int32Array.from([0, 0, 1, 1, 1]) };
const regression = { kind: 'regression' as const, y: Float64Array.from([1, 2, 3, 4]) };

describe('search metric', () => {
  it('resolves auto by task and refuses a metric of the other task', () => {
    expect(resolveMetric('auto', binary)).toBe('roc_auc');
    expect(resolveMetric('auto', regression)).toBe('r2');
    expect(() => resolveMetric('rmse', binary)).toThrow(/rmse does not apply to a classification target/);
    expect(() => resolveMetric('accuracy', regression)).toThrow(/regression/);
    expect(higherIsBetter('rmse')).toBe(false);
    expect(higherIsBetter('roc_auc')).toBe(true);
  });

  it('scores binary probabilities by ROC AUC of the second column and by accuracy', () => {
    const p1 = [0.2, 0.6, 0.4, 0.9, 0.7];
    const scores = Float64Array.from(p1.flatMap((p) => [1 - p, p]));
    expect(metricValue('roc_auc', binary, scores)).toBeCloseTo(rankAuc(p1, [false, false, true, true, true]), 12);
    expect(metricValue('accuracy', binary, scores)).toBeCloseTo(3 / 5, 12);
  });

  it('uses macro one-vs-rest AUC for three classes', () => {
    const target = { kind: 'classification' as const, classes: 3, y: Int32Array.from([0, 1, 2, 0, 1, 2]) };
    const perfect = Float64Array.from([0.8, 0.1, 0.1, 0.1, 0.8, 0.1, 0.1, 0.1, 0.8, 0.7, 0.2, 0.1, 0.2, 0.7, 0.1, 0.1, 0.2, 0.7]);
    expect(metricValue('roc_auc', target, perfect)).toBe(1);
    expect(metricValue('accuracy', target, perfect)).toBe(1);
  });

  it('gives R² and RMSE for regression', () => {
    const pred = Float64Array.from([1, 2, 3, 6]);
    expect(metricValue('rmse', regression, pred)).toBeCloseTo(1, 12);
    expect(metricValue('r2', regression, pred)).toBeCloseTo(1 - 4 / 5, 12);
  });
});
