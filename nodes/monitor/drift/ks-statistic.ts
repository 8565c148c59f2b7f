// The two-sample KS statistic D = sup |F1 − F2|, computed as scipy's ks_2samp does: ECDFs
// evaluated (side='right') at every observed value, the larger of max(F1 − F2) and max(F2 − F1).
import type { SortedSample } from './sorted-sample';

export interface KsStatistic {
  d: number;
  /** The value where the largest gap is. */
  location: number;
  /** +1 when F1 − F2 is largest there, −1 when F2 − F1 is (scipy's statistic_sign). */
  sign: 1 | -1;
}

/** One merge walk over both samples: O(distinct values of both). */
export function ksStatistic(a: SortedSample, b: SortedSample): KsStatistic {
  if (a.n === 0 || b.n === 0) throw new Error('KS statistic needs two non-empty samples');
  let i = 0;
  let j = 0;
  let ca = 0;
  let cb = 0;
  let maxDiff = -Infinity;
  let maxAt = Number.NaN;
  let minDiff = Infinity;
  let minAt = Number.NaN;
  const av = a.values;
  const bv = b.values;
  while (i < av.length || j < bv.length) {
    const v = j >= bv.length || (i < av.length && av[i] <= bv[j]) ? av[i] : bv[j];
    if (i < av.length && av[i] === v) ca += a.counts[i++];
    if (j < bv.length && bv[j] === v) cb += b.counts[j++];
    const diff = ca / a.n - cb / b.n;
    if (diff > maxDiff) {
      maxDiff = diff;
      maxAt = v;
    }
    if (diff < minDiff) {
      minDiff = diff;
      minAt = v;
    }
  }
  const minS = Math.min(Math.max(-minDiff, 0), 1);
  return minS > maxDiff ? { d: minS, location: minAt, sign: -1 } : { d: maxDiff, location: maxAt, sign: 1 };
}
