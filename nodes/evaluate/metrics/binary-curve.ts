// Threshold curves of a binary scorer, as scikit-learn 1.2 computes them (_binary_clf_curve,
// roc_curve with drop_intermediate=True, precision_recall_curve, average_precision_score).

/** True and false positives among rows scoring at or above each distinct score, highest score first. */
export interface ThresholdCounts {
  thresholds: Float64Array;
  tps: Float64Array;
  fps: Float64Array;
  positives: number;
  negatives: number;
}

export type RocCurve = { fpr: number[]; tpr: number[]; thresholds: number[] };
export type PrCurve = { precision: number[]; recall: number[]; thresholds: number[] };

/** isPositive[i] is 1 for a positive row. Scores must be finite (the caller checks, naming the column). */
export function thresholdCounts(isPositive: ArrayLike<number>, scores: ArrayLike<number>): ThresholdCounts {
  const n = scores.length;
  if (isPositive.length !== n) throw new Error(`thresholdCounts: ${isPositive.length} labels for ${n} scores`);
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const thresholds: number[] = [];
  const tps: number[] = [];
  const fps: number[] = [];
  let tp = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    tp += isPositive[i] ? 1 : 0;
    // Only the last row of a run of tied scores makes a threshold: ties are decided together.
    if (k === n - 1 || scores[order[k + 1]] !== scores[i]) {
      thresholds.push(scores[i]);
      tps.push(tp);
      fps.push(k + 1 - tp);
    }
  }
  return {
    thresholds: Float64Array.from(thresholds),
    tps: Float64Array.from(tps),
    fps: Float64Array.from(fps),
    positives: tp,
    negatives: n - tp,
  };
}

/**
 * roc_curve(drop_intermediate=True): drops points collinear with their neighbours, then prepends
 * (0, 0) at threshold max + 1 (scikit-learn 1.2; 1.3 uses +inf, which JSON cannot carry).
 * fpr (tpr) is NaN throughout when there are no negatives (positives), as in scikit-learn.
 */
export function rocCurve(counts: ThresholdCounts): RocCurve {
  const { tps, fps, thresholds } = counts;
  const m = tps.length;
  const keep: number[] = [];
  for (let i = 0; i < m; i++) {
    const corner =
      i === 0 ||
      i === m - 1 ||
      m <= 2 ||
      fps[i + 1] - 2 * fps[i] + fps[i - 1] !== 0 ||
      tps[i + 1] - 2 * tps[i] + tps[i - 1] !== 0;
    if (corner) keep.push(i);
  }
  const lastFp = m === 0 ? 0 : fps[m - 1];
  const lastTp = m === 0 ? 0 : tps[m - 1];
  const fpr = [0, ...keep.map((i) => fps[i])].map((v) => (lastFp > 0 ? v / lastFp : Number.NaN));
  const tpr = [0, ...keep.map((i) => tps[i])].map((v) => (lastTp > 0 ? v / lastTp : Number.NaN));
  const first = m === 0 ? 1 : thresholds[0] + 1;
  return { fpr, tpr, thresholds: [first, ...keep.map((i) => thresholds[i])] };
}

/** np.trapz over the curve: the area under ROC. NaN when a class is missing (the curve is undefined). */
export function areaUnder(x: readonly number[], y: readonly number[]): number {
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i] - x[i - 1]) * (y[i] + y[i - 1])) / 2;
  return area;
}

export function rocAuc(counts: ThresholdCounts): number {
  if (counts.positives === 0 || counts.negatives === 0) return Number.NaN;
  const { fpr, tpr } = rocCurve(counts);
  return areaUnder(fpr, tpr);
}

/**
 * precision_recall_curve: points in order of increasing threshold, ending at (precision 1, recall 0),
 * which has no threshold. With no positives scikit-learn sets recall to 1 everywhere.
 */
export function prCurve(counts: ThresholdCounts): PrCurve {
  const { tps, fps, thresholds, positives } = counts;
  const m = tps.length;
  const precision: number[] = [];
  const recall: number[] = [];
  const ts: number[] = [];
  for (let i = m - 1; i >= 0; i--) {
    const predicted = tps[i] + fps[i];
    precision.push(predicted === 0 ? 0 : tps[i] / predicted);
    recall.push(positives === 0 ? 1 : tps[i] / positives);
    ts.push(thresholds[i]);
  }
  precision.push(1);
  recall.push(0);
  return { precision, recall, thresholds: ts };
}

/** Step-wise average precision, Σ (R_n − R_{n−1}) P_n, not the trapezoid; NaN with no positives. */
export function averagePrecision(counts: ThresholdCounts): number {
  if (counts.positives === 0) return Number.NaN;
  const { precision, recall } = prCurve(counts);
  let sum = 0;
  for (let i = 0; i < recall.length - 1; i++) sum -= (recall[i + 1] - recall[i]) * precision[i];
  return sum;
}
