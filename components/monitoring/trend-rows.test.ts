import { describe, expect, it } from 'vitest';
import { featureTrend, modelTrend } from './trend-rows';

const checks = [
  { id: 'c1', startedAt: 100 },
  { id: 'c2', startedAt: 200 },
];
const fig = (checkId: string, at: number, feature: string, metric: string, value: number, flagged = false) => ({ checkId, at, feature, metric, value, flagged });

describe('featureTrend', () => {
  it('makes one row per check and one column per feature, marking flagged points and features', () => {
    const { rows, features } = featureTrend(
      checks,
      [fig('c1', 100, 'amount', 'psi', 0.01), fig('c2', 200, 'amount', 'psi', 0.9, true), fig('c1', 100, 'age', 'psi', 0.3, true), fig('c2', 200, 'age', 'psi', 0.02), fig('c2', 200, '', 'roc_auc', 0.8)],
      'psi',
    );
    expect(rows).toEqual([
      { at: 100, checkId: 'c1', amount: 0.01, age: 0.3, 'age:flagged': 0.3 },
      { at: 200, checkId: 'c2', amount: 0.9, 'amount:flagged': 0.9, age: 0.02 },
    ]);
    expect(features).toEqual([
      { feature: 'age', flaggedNow: false, flaggedChecks: 1 },
      { feature: 'amount', flaggedNow: true, flaggedChecks: 1 },
    ]);
  });
});

describe('modelTrend', () => {
  it('keeps only whole-model figures of the asked metrics that have values', () => {
    const { rows, metrics } = modelTrend(checks, [fig('c1', 100, '', 'latency_p50', 2), fig('c2', 200, '', 'latency_p99', 9), fig('c2', 200, 'x', 'latency_p50', 5)], ['latency_p50', 'latency_p95', 'latency_p99']);
    expect(metrics).toEqual(['latency_p50', 'latency_p99']);
    expect(rows).toEqual([
      { at: 100, checkId: 'c1', latency_p50: 2 },
      { at: 200, checkId: 'c2', latency_p99: 9 },
    ]);
  });
});
