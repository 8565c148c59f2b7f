// Multiclass ranking metrics one class against the rest, like roc_auc_score(multi_class='ovr').
import { averagePrecision, rocAuc, thresholdCounts, type ThresholdCounts } from './binary-curve';

/** Class k against the rest: 1 where y is k, and the k-th probability column. */
export function oneVsRest(
  y: ArrayLike<number>,
  proba: ArrayLike<number>,
  classes: number,
  k: number,
): { isPositive: Uint8Array; scores: Float64Array } {
  const rows = y.length;
  const isPositive = new Uint8Array(rows);
  const scores = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    isPositive[r] = y[r] === k ? 1 : 0;
    scores[r] = proba[r * classes + k];
  }
  return { isPositive, scores };
}

export function oneVsRestCounts(y: ArrayLike<number>, proba: ArrayLike<number>, classes: number): ThresholdCounts[] {
  return Array.from({ length: classes }, (_, k) => {
    const { isPositive, scores } = oneVsRest(y, proba, classes, k);
    return thresholdCounts(isPositive, scores);
  });
}

export type OvrAverages = { macro: number; weighted: number; perClass: number[] };

/**
 * Per-class ROC AUC and average precision, averaged plainly (macro) and by support (weighted).
 * scikit-learn refuses when a class is absent from the truth; here that class's score is NaN and
 * the averages skip it (its support is 0, so the weighted mean is the same either way).
 */
export function ovrAverages(counts: readonly ThresholdCounts[], metric: 'roc_auc' | 'average_precision'): OvrAverages {
  const score = metric === 'roc_auc' ? rocAuc : averagePrecision;
  const perClass = counts.map((c) => score(c));
  let macro = 0;
  let defined = 0;
  let weighted = 0;
  let support = 0;
  perClass.forEach((value, k) => {
    if (Number.isNaN(value)) return;
    macro += value;
    defined++;
    weighted += value * counts[k].positives;
    support += counts[k].positives;
  });
  return {
    macro: defined === 0 ? Number.NaN : macro / defined,
    weighted: support === 0 ? Number.NaN : weighted / support,
    perClass,
  };
}
