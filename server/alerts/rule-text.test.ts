import { describe, expect, it } from 'vitest';
import { parseRuleText, ruleText } from './rule-text';

describe('parseRuleText', () => {
  it.each([
    ['psi(amount) > 0.2 for 2 windows', { metric: 'psi', feature: 'amount', operator: '>', threshold: 0.2, forWindows: 2 }],
    ['roc_auc < 0.8', { metric: 'roc_auc', feature: '', operator: '<', threshold: 0.8, forWindows: 1 }],
    ['  KS_P_VALUE( merchant category ) <= 1e-3 for 1 window ', { metric: 'ks_p_value', feature: 'merchant category', operator: '<=', threshold: 0.001, forWindows: 1 }],
    ['latency_p99>=250', { metric: 'latency_p99', feature: '', operator: '>=', threshold: 250, forWindows: 1 }],
    ['psi(f(x)) > .5', { metric: 'psi', feature: 'f(x)', operator: '>', threshold: 0.5, forWindows: 1 }],
  ])('reads %s', (text, rule) => {
    expect(parseRuleText(text)).toEqual(rule);
    expect(parseRuleText(ruleText(parseRuleText(text)))).toEqual(rule);
  });

  it.each([
    ['psi(amount) => 0.2', 'Cannot read the rule "psi(amount) => 0.2": write metric(feature) > number [for N windows], e.g. "psi(amount) > 0.2 for 2 windows" or "roc_auc < 0.8". "=>" is not an operator; use one of > >= < <=.'],
    ['psi(amount) > high', 'Cannot read the rule "psi(amount) > high": write metric(feature) > number [for N windows], e.g. "psi(amount) > 0.2 for 2 windows" or "roc_auc < 0.8".'],
    ['psi() > 1', 'The rule "psi() > 1" names no feature inside the brackets'],
    ['psi(a) > 1 for 0 windows', '"for 0 windows" must be between 1 and 100'],
  ])('refuses %s in words', (text, message) => {
    expect(() => parseRuleText(text)).toThrow(message);
  });
});
