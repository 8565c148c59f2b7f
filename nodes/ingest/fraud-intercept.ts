// The intercept b that makes the mean of σ(b + score) over the generated rows equal the asked
// fraud rate, so the base rate holds whatever the features and the drift do to the scores.

export const sigmoid = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/**
 * Newton's method on the mean rate, which rises monotonically with b, kept inside a shrinking
 * bracket so a poor step falls back to bisection. Converges in a handful of passes over the rows.
 */
export function solveIntercept(scores: Float64Array, rate: number, tolerance = 1e-10): number {
  if (!(rate > 0 && rate < 1)) throw new RangeError(`solveIntercept: rate ${rate} is not in (0, 1)`);
  if (scores.length === 0) return Math.log(rate / (1 - rate));
  let lo = -60;
  let hi = 60;
  let b = Math.log(rate / (1 - rate)) - mean(scores);
  for (let iteration = 0; iteration < 100; iteration++) {
    let total = 0;
    let slope = 0;
    for (let i = 0; i < scores.length; i++) {
      const p = sigmoid(b + scores[i]);
      total += p;
      slope += p * (1 - p);
    }
    const gap = total / scores.length - rate;
    if (Math.abs(gap) <= tolerance * rate) return b;
    if (gap > 0) hi = b;
    else lo = b;
    const step = slope > 0 ? b - gap / (slope / scores.length) : Number.NaN;
    b = step > lo && step < hi ? step : (lo + hi) / 2;
    if (hi - lo < 1e-12) return b;
  }
  return b;
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}
