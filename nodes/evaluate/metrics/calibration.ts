// Reliability diagram data: scikit-learn's calibration_curve with uniform bins.

export type CalibrationCurve = {
  /** n_bins + 1 edges over [0, 1]; bin b holds (edges[b], edges[b + 1]], the first bin also holds 0. */
  binEdges: number[];
  /** Per non-empty bin, as scikit-learn returns them: */
  probTrue: number[];
  probPred: number[];
  /** and, for drawing, how many rows fell in it and which bin it is. */
  count: number[];
  bin: number[];
};

/** Probabilities must lie in [0, 1] (scikit-learn raises otherwise; the caller names the column). */
export function calibrationCurve(isPositive: ArrayLike<number>, probability: ArrayLike<number>, nBins = 10): CalibrationCurve {
  // np.linspace(0, 1, n + 1) computes i × (1 / n), with the last edge exactly 1.
  const step = 1 / nBins;
  const binEdges = Array.from({ length: nBins + 1 }, (_, i) => (i === nBins ? 1 : i * step));
  const sums = new Float64Array(nBins);
  const positives = new Float64Array(nBins);
  const totals = new Float64Array(nBins);
  for (let i = 0; i < probability.length; i++) {
    const p = probability[i];
    if (!(p >= 0 && p <= 1)) throw new RangeError(`calibrationCurve: probability ${p} is outside [0, 1]`);
    const b = binOf(binEdges, p);
    sums[b] += p;
    positives[b] += isPositive[i] ? 1 : 0;
    totals[b]++;
  }
  const curve: CalibrationCurve = { binEdges, probTrue: [], probPred: [], count: [], bin: [] };
  for (let b = 0; b < nBins; b++) {
    if (totals[b] === 0) continue;
    curve.probTrue.push(positives[b] / totals[b]);
    curve.probPred.push(sums[b] / totals[b]);
    curve.count.push(totals[b]);
    curve.bin.push(b);
  }
  return curve;
}

/** np.searchsorted(edges[1:-1], p, side='left'): how many inner edges lie strictly below p. */
function binOf(edges: readonly number[], p: number): number {
  let lo = 1;
  let hi = edges.length - 1; // inner edges are edges[1 .. n-1]
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] < p) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
