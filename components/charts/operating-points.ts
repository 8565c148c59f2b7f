// Where a binary classifier's decisions sit on its ROC and PR curves: at the threshold it uses and
// at the cost-optimal one. Computed from exact counts (the confusion matrix, the cost view), not
// read off the thinned display curve, so the marker is exactly where the model operates.
import type { MetricsReport } from '../../nodes/evaluate/metrics-report';
import type { Outcomes } from '../../nodes/evaluate/cost';

export type OperatingPoint = { threshold: number | null; fpr: number; tpr: number; precision: number };

export function operatingPoint(o: Outcomes, threshold: number | null): OperatingPoint | null {
  const positives = o.truePositives + o.falseNegatives;
  const negatives = o.falsePositives + o.trueNegatives;
  if (positives === 0 || negatives === 0) return null;
  const flagged = o.truePositives + o.falsePositives;
  // Flagging nobody has no precision; the PR curve ends at (recall 0, precision 1) by convention.
  const precision = flagged === 0 ? 1 : o.truePositives / flagged;
  return { threshold, fpr: o.falsePositives / negatives, tpr: o.truePositives / positives, precision };
}

/** Outcomes of a binary confusion matrix (matrix[actual][predicted]) for the positive class. */
export function outcomesFromConfusion(confusion: NonNullable<MetricsReport['confusion']>, positive: string): Outcomes | null {
  const p = confusion.labels.indexOf(positive);
  if (p < 0 || confusion.labels.length !== 2) return null;
  const n = 1 - p;
  const m = confusion.matrix;
  return { truePositives: m[p][p], falseNegatives: m[p][n], falsePositives: m[n][p], trueNegatives: m[n][n] };
}

export interface OperatingPoints {
  chosen: OperatingPoint | null;
  /** Only when a cost view exists and its best threshold differs from the chosen one. */
  optimal: OperatingPoint | null;
}

export function binaryOperatingPoints(report: MetricsReport): OperatingPoints {
  if (report.task !== 'binary' || !report.positiveLabel) return { chosen: null, optimal: null };
  const outcomes = report.confusion ? outcomesFromConfusion(report.confusion, report.positiveLabel) : null;
  const chosen = outcomes ? operatingPoint(outcomes, report.threshold) : null;
  const best = report.cost?.optimal;
  const optimal = best && best.threshold !== report.threshold ? operatingPoint(best.outcomes, best.threshold) : null;
  return { chosen, optimal };
}
