// The risk view of a binary classifier: what its decisions cost, per 1,000 decisions, at the chosen
// threshold and at every other one. Costs and values are in whatever money unit the user enters.
import type { ThresholdCounts } from './metrics/binary-curve';
import { pickIndices } from './metrics/downsample';

export type CostMatrix = {
  truePositiveValue: number;
  falsePositiveCost: number;
  falseNegativeCost: number;
  trueNegativeValue: number;
};

export type Outcomes = { truePositives: number; falsePositives: number; falseNegatives: number; trueNegatives: number };

export type CostPoint = {
  /** Rows scoring at or above this are flagged positive; null means nobody is flagged. */
  threshold: number | null;
  costPer1000: number;
  flaggedPer1000: number;
  outcomes: Outcomes;
};

export type CostView = {
  unit: 'cost per 1,000 decisions';
  currency: string;
  explanation: string;
  matrix: CostMatrix;
  atThreshold: CostPoint;
  optimal: CostPoint & { savingPer1000: number };
  baselines: { flagNobody: CostPoint; flagEveryone: CostPoint };
  /** Every distinct threshold, thinned to at most `maxPoints` for drawing (the optimum always kept). */
  curve: { thresholds: number[]; costPer1000: number[]; flaggedPer1000: number[] };
  summary: string;
};

export const COST_EXPLANATION =
  'Expected net cost of 1,000 decisions: false positives × their cost + false negatives × their cost ' +
  '− true positives × their value − true negatives × their value, scaled to 1,000 rows. Negative means a net gain.';

export function costPer1000(o: Outcomes, m: CostMatrix): number {
  const n = o.truePositives + o.falsePositives + o.falseNegatives + o.trueNegatives;
  if (n === 0) return Number.NaN;
  const net =
    o.falsePositives * m.falsePositiveCost +
    o.falseNegatives * m.falseNegativeCost -
    o.truePositives * m.truePositiveValue -
    o.trueNegatives * m.trueNegativeValue;
  return (1000 * net) / n;
}

/** Outcomes when rows scoring ≥ threshold are flagged; `counts` thresholds are in decreasing order. */
export function outcomesAt(counts: ThresholdCounts, threshold: number): Outcomes {
  // The last (lowest) distinct score that is still ≥ threshold, by binary search.
  let lo = 0;
  let hi = counts.thresholds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (counts.thresholds[mid] >= threshold) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? outcomesOf(counts, 0, 0) : outcomesOf(counts, counts.tps[lo - 1], counts.fps[lo - 1]);
}

function outcomesOf(counts: ThresholdCounts, tp: number, fp: number): Outcomes {
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: counts.positives - tp,
    trueNegatives: counts.negatives - fp,
  };
}

function point(counts: ThresholdCounts, m: CostMatrix, threshold: number | null, tp: number, fp: number): CostPoint {
  const outcomes = outcomesOf(counts, tp, fp);
  const n = counts.positives + counts.negatives;
  return { threshold, costPer1000: costPer1000(outcomes, m), flaggedPer1000: n === 0 ? 0 : (1000 * (tp + fp)) / n, outcomes };
}

export function costView(
  counts: ThresholdCounts,
  matrix: CostMatrix,
  threshold: number,
  options: { currency?: string; maxPoints?: number } = {},
): CostView {
  const m = counts.thresholds.length;
  const all = Array.from({ length: m }, (_, i) => point(counts, matrix, counts.thresholds[i], counts.tps[i], counts.fps[i]));
  const flagNobody = point(counts, matrix, null, 0, 0);
  // Ties go to the higher threshold (fewer rows flagged): candidates run from nobody flagged downwards.
  let optimal = flagNobody;
  let optimalIndex = -1;
  all.forEach((p, i) => {
    if (p.costPer1000 < optimal.costPer1000) {
      optimal = p;
      optimalIndex = i;
    }
  });
  const at = outcomesAt(counts, threshold);
  const atThreshold = point(counts, matrix, threshold, at.truePositives, at.falsePositives);
  const shown = pickIndices(m, options.maxPoints ?? 500, optimalIndex >= 0 ? [optimalIndex] : []);
  const currency = options.currency ?? '';
  const view: Omit<CostView, 'summary'> = {
    unit: 'cost per 1,000 decisions',
    currency,
    explanation: COST_EXPLANATION,
    matrix,
    atThreshold,
    optimal: { ...optimal, savingPer1000: atThreshold.costPer1000 - optimal.costPer1000 },
    baselines: { flagNobody, flagEveryone: m === 0 ? flagNobody : all[m - 1] },
    curve: {
      thresholds: shown.map((i) => all[i].threshold as number),
      costPer1000: shown.map((i) => all[i].costPer1000),
      flaggedPer1000: shown.map((i) => all[i].flaggedPer1000),
    },
  };
  return { ...view, summary: costSummary(view) };
}

function costSummary(v: Omit<CostView, 'summary'>): string {
  const money = (x: number) => `${x < 0 ? '−' : ''}${v.currency ? `${v.currency} ` : ''}${Math.abs(x).toFixed(2)}`;
  const rule = (p: CostPoint) => (p.threshold === null ? 'flagging nobody' : `threshold ${p.threshold.toPrecision(3)}`);
  const at = `At threshold ${v.atThreshold.threshold} the model's decisions cost ${money(v.atThreshold.costPer1000)} per 1,000 decisions`;
  if (v.optimal.savingPer1000 <= 0) return `${at}, which is already the cheapest threshold.`;
  return `${at}; at the cost-optimal ${rule(v.optimal)} they cost ${money(v.optimal.costPer1000)}, saving ${money(v.optimal.savingPer1000)} per 1,000.`;
}
