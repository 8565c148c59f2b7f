// A numeric sample as ascending distinct values with their counts: the exact empirical
// distribution, smaller than the raw values whenever values repeat, and what KS and Wasserstein read.

export interface SortedSample {
  /** Ascending, distinct, finite. */
  values: Float64Array;
  /** How many times each value occurs (may be fractional only for a binned sketch). */
  counts: Float64Array;
  /** The sum of counts: the sample size. */
  n: number;
}

/** Collapses finite numbers into a SortedSample; NaN and ±Infinity must be removed first. */
export function sortedSample(values: ArrayLike<number>): SortedSample {
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  return collapseSorted(sorted);
}

/** Collapses already ascending values (ties adjacent) into distinct values and counts. */
export function collapseSorted(sorted: Float64Array): SortedSample {
  const distinct = new Float64Array(sorted.length);
  const counts = new Float64Array(sorted.length);
  let k = -1;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i];
    if (k >= 0 && distinct[k] === v) counts[k]++;
    else {
      k++;
      distinct[k] = v;
      counts[k] = 1;
    }
  }
  return { values: distinct.slice(0, k + 1), counts: counts.slice(0, k + 1), n: sorted.length };
}
