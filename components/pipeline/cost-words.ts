// The binary cost view in plain words for someone who decides, not someone who trains models.
import type { CostView } from '../../nodes/evaluate/cost';

/** Money per 1,000 decisions, rounded alike for every figure in one sentence. */
export function moneyFormatter(currency: string, ...figures: number[]): (x: number) => string {
  const largest = Math.max(...figures.map((f) => Math.abs(f)).filter(Number.isFinite), 0);
  const digits = largest >= 10 ? 0 : largest >= 1 ? 1 : 2;
  return (x: number) => {
    const amount = Math.abs(x).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    return `${x < 0 ? '−' : ''}${currency ? `${currency} ` : ''}${amount}`;
  };
}

/** A threshold with as few decimals as keep it distinct from 0 and 1: 0.5, 0.45, 0.9993. */
export function formatThreshold(t: number | null): string {
  if (t === null) return 'none';
  for (let d = 2; d <= 6; d++) {
    const rounded = Number(t.toFixed(d));
    if ((rounded !== 0 || t === 0) && (rounded !== 1 || t === 1)) return String(rounded);
  }
  return t.toExponential(1);
}

export function costSentence(cost: CostView): { now: string; better: string | null } {
  const { atThreshold: at, optimal, currency } = cost;
  const money = moneyFormatter(currency, at.costPer1000, optimal.costPer1000);
  const amount = (x: number) => (x < 0 ? `a net gain of ${money(-x)}` : `${money(x)} cost`);
  const now = `At threshold ${formatThreshold(at.threshold)}: ${amount(at.costPer1000)} per 1,000 decisions`;
  const saving = at.costPer1000 - optimal.costPer1000;
  if (money(saving) === money(0) || optimal.threshold === at.threshold) return { now: `${now}, already the cost-optimal threshold.`, better: null };
  const gives = optimal.costPer1000 < 0 ? `a net gain of ${money(-optimal.costPer1000)}` : money(optimal.costPer1000);
  return { now: `${now};`, better: `the cost-optimal threshold ${formatThreshold(optimal.threshold)} would give ${gives} per 1,000 — saving ${money(saving)}.` };
}

/** "a false positive costs 1 and a missed malignant costs 1; correct decisions are worth nothing". */
export function assumptions(cost: CostView, positive: string | null): string {
  const { matrix, currency } = cost;
  const money = (x: number) => `${currency ? `${currency} ` : ''}${x.toLocaleString('en-US')}`;
  const what = positive ? `a missed ${positive}` : 'a missed positive';
  const costs = `each false alarm costs ${money(matrix.falsePositiveCost)} and ${what} costs ${money(matrix.falseNegativeCost)}`;
  const values: string[] = [];
  if (matrix.truePositiveValue) values.push(`each ${positive ? `${positive} caught` : 'positive caught'} is worth ${money(matrix.truePositiveValue)}`);
  if (matrix.trueNegativeValue) values.push(`each correct all-clear is worth ${money(matrix.trueNegativeValue)}`);
  return `Assumes ${costs}${values.length ? `; ${values.join(' and ')}` : '; correct decisions are worth nothing'}.`;
}
