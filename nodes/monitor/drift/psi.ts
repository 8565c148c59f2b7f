// Population Stability Index. Numeric features: the reference's deciles (interior quantiles, ties
// merged) cut the line into at most 10 bins, the outer ones open to ±∞. Categorical features: one
// bin per reference category plus one per category seen only in the current window. Every share is
// floored at PSI_EPSILON so an empty bin gives a large finite term, not ∞.
// PSI = Σ (current_i − reference_i) · ln(current_i / reference_i). See docs/monitoring.md.

export const PSI_BINS = 10;
export const PSI_EPSILON = 1e-4;

/** Sum of (c − r)·ln(c/r) over shares floored at epsilon; both arrays hold counts. */
export function psiFromCounts(reference: ArrayLike<number>, current: ArrayLike<number>, epsilon = PSI_EPSILON): number {
  let rn = 0;
  let cn = 0;
  for (let i = 0; i < reference.length; i++) {
    rn += reference[i];
    cn += current[i];
  }
  if (rn === 0 || cn === 0) return Number.NaN;
  let psi = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = Math.max(reference[i] / rn, epsilon);
    const c = Math.max(current[i] / cn, epsilon);
    psi += (c - r) * Math.log(c / r);
  }
  return psi;
}

/** Interior edges at the reference's i/bins quantiles (numpy's linear rule), duplicates dropped. */
export function psiEdges(sortedValues: ArrayLike<number>, bins = PSI_BINS): number[] {
  const edges: number[] = [];
  const n = sortedValues.length;
  if (n === 0) return edges;
  for (let i = 1; i < bins; i++) {
    const h = ((n - 1) * i) / bins;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    const q = sortedValues[lo] + (h - lo) * (sortedValues[hi] - sortedValues[lo]);
    if (edges.length === 0 || q > edges[edges.length - 1]) edges.push(q);
  }
  return edges;
}

/** Counts of values per bin: bin k holds edges[k−1] ≤ v < edges[k] (outer bins unbounded). */
export function binCounts(values: ArrayLike<number>, edges: readonly number[]): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  for (let i = 0; i < values.length; i++) counts[binOf(values[i], edges)]++;
  return counts;
}

export function binOf(v: number, edges: readonly number[]): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v >= edges[mid]) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
