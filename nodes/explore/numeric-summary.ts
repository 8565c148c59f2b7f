// Summary statistics of numbers, matching numpy/pandas defaults so results can be checked there.

/** numpy's default (linear) quantile of ascending-sorted values; q in [0, 1]. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return values.length === 0 ? Number.NaN : sum / values.length;
}

/** Sample standard deviation (ddof = 1, as pandas), two-pass for accuracy; NaN below 2 values. */
export function sampleStd(values: ArrayLike<number>): number {
  if (values.length < 2) return Number.NaN;
  const m = mean(values);
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i] - m) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/** A type alias, not an interface, so reports holding it stay assignable to JsonValue. */
export type Histogram = { edges: number[]; counts: number[] };

/**
 * numpy.histogram(values, bins): equal-width bins over [min, max], the last bin closed on the right.
 * When all values are equal the range is widened to [v − 0.5, v + 0.5], as numpy does.
 */
export function histogram(sorted: ArrayLike<number>, bins: number): Histogram {
  if (sorted.length === 0) return { edges: [], counts: [] };
  let lo = sorted[0];
  let hi = sorted[sorted.length - 1];
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const step = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * step));
  const counts = new Array<number>(bins).fill(0);
  const norm = bins / (hi - lo);
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i];
    let bin = Math.min(Math.floor((x - lo) * norm), bins - 1);
    // The computed bin can be one off at an edge because of rounding; the edges decide.
    if (x < edges[bin]) bin--;
    else if (bin < bins - 1 && x >= edges[bin + 1]) bin++;
    counts[bin]++;
  }
  return { edges, counts };
}
