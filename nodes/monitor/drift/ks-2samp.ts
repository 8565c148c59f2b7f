// The two-sided two-sample KS test as scipy.stats.ks_2samp(method='auto') computes it: exact
// p-values when both samples hold at most 10,000 values, the kstwo distribution at round(mn/(m+n))
// otherwise, and the exact path falling back to it when it cannot produce a probability.
import { outerProbInside, probOutsideSquare } from './ks-exact';
import { ksStatistic } from './ks-statistic';
import { kolmogorovSf } from './kolmogorov';
import type { SortedSample } from './sorted-sample';

const MAX_AUTO_N = 10_000;

export type KsMethod = 'exact' | 'asymp';

export interface KsResult {
  statistic: number;
  pValue: number;
  method: KsMethod;
  /** The value at which the ECDFs are furthest apart. */
  location: number;
}

export function ks2samp(a: SortedSample, b: SortedSample): KsResult {
  const s = ksStatistic(a, b);
  let d = s.d;
  const n1 = a.n;
  const n2 = b.n;
  if (Math.max(n1, n2) <= MAX_AUTO_N) {
    const exact = exactPValue(n1, n2, d);
    d = exact.d;
    if (exact.p !== null) return { statistic: d, pValue: exact.p, method: 'exact', location: s.location };
  }
  const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
  const p = kolmogorovSf(roundHalfEven((m * n) / (m + n)), d);
  return { statistic: d, pValue: Math.min(1, Math.max(0, p)), method: 'asymp', location: s.location };
}

/** scipy's _attempt_exact_2kssamp: d snapped to the lattice h/lcm; p null when it fails. */
function exactPValue(n1: number, n2: number, d0: number): { d: number; p: number | null } {
  const g = gcd(n1, n2);
  const lcm = (n1 / g) * n2;
  const h = roundHalfEven(d0 * lcm);
  const d = h / lcm;
  if (h === 0) return { d, p: 1 };
  const p = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
  return { d, p: p >= 0 && p <= 1 ? p : null };
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** numpy's round: halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
