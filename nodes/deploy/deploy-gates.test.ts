import { describe, expect, it } from 'vitest';
import { evaluateDeployGates, failedGatesMessage } from './deploy-gates';

describe('evaluateDeployGates', () => {
  it('judges thresholds as the evaluate node does, and names what failed', () => {
    const results = evaluateDeployGates([{ metric: 'roc_auc', op: '>=', value: 0.9 }], null, { roc_auc: 0.85 }, null);
    expect(results).toEqual([{ gate: 'roc_auc >= 0.9', passed: false, detail: 'roc_auc 0.85 < 0.9' }]);
    expect(failedGatesMessage(results)).toBe('Deploy gate failed: roc_auc 0.85 < 0.9');
  });

  it('reads "better" the metric\'s way: lower for rmse, higher for roc_auc', () => {
    const champion = { version: 4, metrics: { rmse: 10, roc_auc: 0.8 } };
    expect(evaluateDeployGates([], { metric: 'rmse', margin: 1 }, { rmse: 8.5 }, champion)[0].passed).toBe(true);
    expect(evaluateDeployGates([], { metric: 'rmse', margin: 1 }, { rmse: 9.5 }, champion)[0].passed).toBe(false);
    expect(evaluateDeployGates([], { metric: 'roc_auc', margin: 0 }, { roc_auc: 0.79 }, champion)[0].detail).toBe("roc_auc 0.79 vs champion v4's 0.8: higher by -0.01, needed 0");
  });

  it('passes with no champion, and fails when either side lacks the metric', () => {
    expect(evaluateDeployGates([], { metric: 'f1', margin: 0.1 }, {}, null)[0].passed).toBe(true);
    expect(evaluateDeployGates([], { metric: 'f1', margin: 0 }, {}, { version: 1, metrics: { f1: 0.5 } })[0].detail).toMatch(/new version has no f1/);
    expect(evaluateDeployGates([], { metric: 'f1', margin: 0 }, { f1: 0.6 }, { version: 1, metrics: {} })[0].detail).toMatch(/champion v1 has no f1/);
  });
});
