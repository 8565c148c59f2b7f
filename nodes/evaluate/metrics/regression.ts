// Regression errors with scikit-learn's definitions.

export type RegressionMetrics = { mse: number; rmse: number; mae: number; r2: number; mape: number };

export function regressionMetrics(actual: ArrayLike<number>, predicted: ArrayLike<number>): RegressionMetrics {
  const n = actual.length;
  if (predicted.length !== n) throw new Error(`regressionMetrics: ${n} actual, ${predicted.length} predicted`);
  if (n === 0) return { mse: Number.NaN, rmse: Number.NaN, mae: Number.NaN, r2: Number.NaN, mape: Number.NaN };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += actual[i];
  mean /= n;
  let squares = 0;
  let absolute = 0;
  let percent = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const error = predicted[i] - actual[i];
    squares += error * error;
    absolute += Math.abs(error);
    // mean_absolute_percentage_error divides by max(|y|, ε): a zero target gives a huge, finite term.
    percent += Math.abs(error) / Math.max(Math.abs(actual[i]), Number.EPSILON);
    total += (actual[i] - mean) ** 2;
  }
  const mse = squares / n;
  return { mse, rmse: Math.sqrt(mse), mae: absolute / n, r2: rSquared(squares, total), mape: percent / n };
}

/** r2_score with force_finite=True: a constant target scores 1 when predicted exactly, else 0. */
function rSquared(residualSquares: number, totalSquares: number): number {
  if (totalSquares === 0) return residualSquares === 0 ? 1 : 0;
  return 1 - residualSquares / totalSquares;
}
