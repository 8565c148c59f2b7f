// The binary cost view in plain words for someone who decides, not someone who trains models.
import { compareWithBaselines, type BaselineComparison } from '../../nodes/evaluate/baselines';
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

const RULES: Record<BaselineComparison['best'], string> = { flagNobody: 'flagging nobody', flagEveryone: 'flagging everyone' };

/**
 * The model against the cheaper no-skill rule. Reports written before the comparison existed
 * carry only the two baselines' costs; it is worked out from those, with the same function.
 */
export function baselineComparisonOf(cost: CostView & { vsBaseline?: BaselineComparison }): BaselineComparison {
  const { flagNobody, flagEveryone } = cost.baselines;
  return cost.vsBaseline ?? compareWithBaselines(cost.atThreshold.costPer1000, { flagNobody: flagNobody.costPer1000, flagEveryone: flagEveryone.costPer1000 });
}

/** "Saves 31 per 1,000 (7.2%) against flagging nobody, the cheaper rule that needs no model." */
export function baselineVerdict(cost: CostView & { vsBaseline?: BaselineComparison }): { beats: boolean; text: string } {
  const c = baselineComparisonOf(cost);
  const money = moneyFormatter(cost.currency, c.savingPer1000, c.bestCostPer1000);
  const pct = c.savingPct === null ? '' : ` (${Math.abs(c.savingPct).toFixed(1)}%)`;
  const rule = RULES[c.best];
  if (c.savingPer1000 < 0) {
    return { beats: false, text: `Costs ${money(-c.savingPer1000)} more per 1,000${pct} than ${rule}: at this threshold the model does not pay for itself.` };
  }
  return { beats: true, text: `Saves ${money(c.savingPer1000)} per 1,000${pct} against ${rule}, the cheaper of the two rules that need no model.` };
}
