// scipy.special.smirnov(n, x): Pr(D+_n ≥ x), the one-sided one-sample KS survival function, by the
// Birnbaum–Tingey sum (all terms positive, summed in log space); cephes' closed-form approximation
// above a million, as scipy does.
import { logBinomial } from './special-functions';

const MAX_EXACT_N = 1_000_000;

export function smirnovSf(n: number, x: number): number {
  if (!(n > 0) || !(x >= 0 && x <= 1)) return Number.NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  if (n > MAX_EXACT_N) {
    const logp = -((6 * n * x + 1) ** 2) / 18 / n;
    return Math.exp(logp);
  }
  const last = Math.floor(n * (1 - x));
  let sum = 0;
  for (let j = 0; j <= last; j++) {
    const base = 1 - x - j / n;
    if (base <= 0 && n - j > 0) continue;
    const log = logBinomial(n, j) + (n - j) * Math.log(base) + (j - 1) * Math.log(x + j / n);
    sum += Math.exp(log);
  }
  return Math.min(1, Math.max(0, x * sum));
}
