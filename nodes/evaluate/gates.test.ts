import { describe, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import { assertGatesPass, checkGates, describeFailure, evaluateGates, gatesParam } from './gates';

describe('gate params', () => {
  it('default to no gates and to >=', () => {
    expect(gatesParam.parse(undefined)).toEqual([]);
    expect(gatesParam.parse([{ metric: 'roc_auc', value: 0.85 }])).toEqual([{ metric: 'roc_auc', op: '>=', value: 0.85 }]);
  });

  it('refuse unknown metric names and operators', () => {
    expect(gatesParam.safeParse([{ metric: 'auc', value: 0.85 }]).success).toBe(false);
    expect(gatesParam.safeParse([{ metric: 'roc_auc', op: '=>', value: 0.85 }]).success).toBe(false);
  });
});

describe('checkGates', () => {
  it('refuses a metric the task does not produce, naming the field', () => {
    const gates = gatesParam.parse([
      { metric: 'accuracy', value: 0.9 },
      { metric: 'r2', value: 0.5 },
    ]);
    expect(() => checkGates(gates, 'regression')).toThrow(/"accuracy", which a regression evaluation does not produce/);
    try {
      checkGates(gates, 'binary');
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).details.field).toBe('gates.1.metric');
    }
    expect.assertions(3);
  });
});

describe('evaluateGates and assertGatesPass', () => {
  it('passes and fails each gate by its operator', () => {
    const gates = gatesParam.parse([
      { metric: 'roc_auc', op: '>=', value: 0.85 },
      { metric: 'log_loss', op: '<', value: 0.5 },
      { metric: 'accuracy', op: '>', value: 0.9 },
    ]);
    const results = evaluateGates(gates, { roc_auc: 0.85, log_loss: 0.4, accuracy: 0.9 });
    expect(results.map((r) => r.passed)).toEqual([true, true, false]);
    expect(results[2]).toEqual({ metric: 'accuracy', op: '>', value: 0.9, observed: 0.9, passed: false });
  });

  it('fails with the message the CLI shows', () => {
    const results = evaluateGates(gatesParam.parse([{ metric: 'roc_auc', value: 0.85 }]), { roc_auc: 0.81234 });
    expect(() => assertGatesPass(results)).toThrow(/^Quality gate failed: roc_auc 0\.812 < 0\.85$/);
    expect(() => assertGatesPass(results)).toThrow(UserError);
  });

  it('shows enough digits that a near miss does not read like a pass', () => {
    const [result] = evaluateGates(gatesParam.parse([{ metric: 'roc_auc', value: 0.85 }]), { roc_auc: 0.84999 });
    expect(describeFailure(result)).toBe('roc_auc 0.84999 < 0.85');
  });

  it('fails a gate whose metric is undefined on this data', () => {
    const results = evaluateGates(gatesParam.parse([{ metric: 'roc_auc', value: 0.5 }]), { roc_auc: Number.NaN });
    expect(results[0]).toMatchObject({ observed: null, passed: false });
    expect(() => assertGatesPass(results)).toThrow(/roc_auc is undefined/);
  });

  it('does nothing when every gate passes', () => {
    expect(() => assertGatesPass(evaluateGates([], {}))).not.toThrow();
  });
});
