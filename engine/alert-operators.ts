// The comparisons an alert rule may make, and whether a figure breaks one. Shared by the server,
// which judges each check, and the rule form, which shows whether the latest figure would break it.
import { assertNever } from './assert-never';

export const ALERT_OPERATORS = ['>', '>=', '<', '<='] as const;
export type AlertOperator = (typeof ALERT_OPERATORS)[number];

export function breaks(operator: AlertOperator, value: number, threshold: number): boolean {
  switch (operator) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    default:
      return assertNever(operator, 'operator');
  }
}
