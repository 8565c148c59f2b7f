// Scores of predicted probabilities: log loss and the Brier score, as scikit-learn 1.2 computes them.

/**
 * log_loss with eps="auto" (1.2's default): each probability is clipped to [ε, 1 − ε] with ε the
 * float64 machine epsilon, each row is renormalised to sum 1, and the mean of −ln p(true class) is
 * returned. `proba` is rows × classes, row-major; y holds class indices.
 */
export function logLoss(y: ArrayLike<number>, proba: ArrayLike<number>, classes: number): number {
  const rows = y.length;
  if (proba.length !== rows * classes) throw new Error(`logLoss: ${proba.length} probabilities for ${rows}×${classes}`);
  const eps = Number.EPSILON;
  const clip = (p: number) => Math.min(Math.max(p, eps), 1 - eps);
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    let rowSum = 0;
    for (let c = 0; c < classes; c++) rowSum += clip(proba[r * classes + c]);
    sum -= Math.log(clip(proba[r * classes + y[r]]) / rowSum);
  }
  return rows === 0 ? Number.NaN : sum / rows;
}

/** brier_score_loss: the mean squared difference between P(positive) and the 0/1 outcome. */
export function brierScore(isPositive: ArrayLike<number>, probability: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < probability.length; i++) sum += (probability[i] - (isPositive[i] ? 1 : 0)) ** 2;
  return probability.length === 0 ? Number.NaN : sum / probability.length;
}
