// The 1-Wasserstein distance between two empirical distributions, as
// scipy.stats.wasserstein_distance: ∫ |U(t) − V(t)| dt over the merged support.
import type { SortedSample } from './sorted-sample';

export function wasserstein(a: SortedSample, b: SortedSample): number {
  if (a.n === 0 || b.n === 0) throw new Error('Wasserstein distance needs two non-empty samples');
  let i = 0;
  let j = 0;
  let ca = 0;
  let cb = 0;
  let total = 0;
  let previous = Number.NaN;
  let gap = 0;
  const av = a.values;
  const bv = b.values;
  while (i < av.length || j < bv.length) {
    const v = j >= bv.length || (i < av.length && av[i] <= bv[j]) ? av[i] : bv[j];
    if (i > 0 || j > 0) total += gap * (v - previous);
    if (i < av.length && av[i] === v) ca += a.counts[i++];
    if (j < bv.length && bv[j] === v) cb += b.counts[j++];
    gap = Math.abs(ca / a.n - cb / b.n);
    previous = v;
  }
  return total;
}
