// The text form of an alert rule, `metric(feature) op threshold [for N windows]`, e.g.
// `psi(amount) > 0.2 for 2 windows` or `roc_auc < 0.8`: parsed to the rule's fields and written back.
import { UserError } from '../../engine/errors';
import { ALERT_OPERATORS, type AlertOperator } from '../../engine/alert-operators';

export interface RuleCondition {
  metric: string;
  /** '' for a whole-model figure. */
  feature: string;
  operator: AlertOperator;
  threshold: number;
  forWindows: number;
}

const EXAMPLE = 'e.g. "psi(amount) > 0.2 for 2 windows" or "roc_auc < 0.8"';
const NUMBER = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?`;
const PATTERN = new RegExp(String.raw`^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?\s*(>=|<=|>|<)\s*(${NUMBER})\s*(?:for\s+(\d+)\s+windows?)?\s*$`, 'i');

export const MAX_FOR_WINDOWS = 100;

export function parseRuleText(text: string): RuleCondition {
  const m = PATTERN.exec(text);
  if (!m) {
    const op = /(=>|=<|==|!=|=)/.exec(text);
    const hint = op ? ` "${op[1]}" is not an operator; use one of ${ALERT_OPERATORS.join(' ')}.` : '';
    throw new UserError(`Cannot read the rule "${text.trim()}": write metric(feature) > number [for N windows], ${EXAMPLE}.${hint}`, { field: 'text' });
  }
  const [, metric, feature = '', operator, threshold, windows] = m;
  if (m[2] !== undefined && feature.trim() === '') throw new UserError(`The rule "${text.trim()}" names no feature inside the brackets`, { field: 'text' });
  const forWindows = windows === undefined ? 1 : Number(windows);
  if (forWindows < 1 || forWindows > MAX_FOR_WINDOWS) throw new UserError(`"for ${windows} windows" must be between 1 and ${MAX_FOR_WINDOWS}`, { field: 'text' });
  return { metric: metric.toLowerCase(), feature: feature.trim(), operator: operator as AlertOperator, threshold: Number(threshold), forWindows };
}

export function ruleText(rule: RuleCondition): string {
  const subject = rule.feature === '' ? rule.metric : `${rule.metric}(${rule.feature})`;
  const windows = rule.forWindows > 1 ? ` for ${rule.forWindows} windows` : '';
  return `${subject} ${rule.operator} ${rule.threshold}${windows}`;
}
