import { describe, expect, it } from 'vitest';
import { draftOf, draftProblem, draftText, emptyDraft, fieldOfServer, figureKey, figureLabel, figureOfKey, ruleInput, type RuleDraft } from './rule-draft';

const draft = (over: Partial<RuleDraft>): RuleDraft => ({ ...emptyDraft(), name: 'Amount drifted', figure: figureKey('psi', 'amount'), threshold: '0.2', ...over });

describe('rule drafts', () => {
  it('names the field of the first problem', () => {
    expect(draftProblem(draft({ name: '  ' }))?.field).toBe('name');
    expect(draftProblem(draft({ figure: '' }))).toEqual({ field: 'figure', message: 'Figure: choose what the rule watches' });
    expect(draftProblem(draft({ threshold: 'high' }))).toEqual({ field: 'threshold', message: 'Threshold: "high" is not a number' });
    expect(draftProblem(draft({ threshold: '' }))?.field).toBe('threshold');
    expect(draftProblem(draft({ forWindows: '0' }))?.field).toBe('forWindows');
    expect(draftProblem(draft({ forWindows: '1.5' }))?.field).toBe('forWindows');
    expect(draftProblem(draft({ forWindows: '101' }))?.field).toBe('forWindows');
    expect(draftProblem(draft({}))).toBeNull();
  });

  it('writes the rule as the server does, and its input', () => {
    expect(draftText(draft({ forWindows: '2' }))).toBe('psi(amount) > 0.2 for 2 windows');
    expect(draftText(draft({ figure: figureKey('roc_auc', ''), operator: '<', threshold: '0.8' }))).toBe('roc_auc < 0.8');
    expect(draftText(draft({ threshold: 'x' }))).toBeNull();
    expect(ruleInput(draft({ name: ' a ', webhookId: '', threshold: ' 1e-3 ' }))).toEqual({ name: 'a', severity: 'warning', webhookId: null, enabled: true, rule: { metric: 'psi', feature: 'amount', operator: '>', threshold: 0.001, forWindows: 1 } });
  });

  it('keeps feature names with any character through the picker key, and round-trips a saved rule', () => {
    expect(figureOfKey(figureKey('psi', 'a|b"c'))).toEqual({ metric: 'psi', feature: 'a|b"c' });
    const saved = { name: 'r', metric: 'ks_p_value', feature: 'x', operator: '<=' as const, threshold: 0.01, forWindows: 3, severity: 'critical' as const, webhookId: 'w', enabled: false };
    expect(ruleInput(draftOf(saved as Parameters<typeof draftOf>[0]))).toEqual({ name: 'r', severity: 'critical', webhookId: 'w', enabled: false, rule: { metric: 'ks_p_value', feature: 'x', operator: '<=', threshold: 0.01, forWindows: 3 } });
  });

  it('maps server fields to form fields, and says figures in words', () => {
    expect(['feature', 'metric', 'text', 'rule.threshold', 'rule.forWindows', 'webhookId', 'name', undefined, 'endpointId'].map(fieldOfServer)).toEqual(['figure', 'figure', 'figure', 'threshold', 'forWindows', 'webhook', 'name', null, null]);
    expect(figureLabel({ group: 'feature', metric: 'psi', feature: 'amount' })).toBe('PSI of amount');
    expect(figureLabel({ group: 'prediction', metric: 'ks_p_value', feature: '__prediction__' })).toBe('KS p-value of the predictions (probability)');
    expect(figureLabel({ group: 'health', metric: 'latency_p99', feature: '' })).toBe('Latency p99 (ms)');
  });
});
