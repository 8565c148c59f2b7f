// The survival function of the two-sided one-sample KS statistic D_n (scipy's kstwo.sf, i.e.
// _kolmogn with cdf=False), with the algorithm choices of Simard and L'Ecuyer (2011) that scipy
// makes, so asymptotic ks_2samp p-values agree with scipy's.
import { kolmogorovCdfDurbin } from './kolmogorov-durbin';
import { kolmogorovCdfPelzGood } from './kolmogorov-pelz-good';
import { kolmogorovCdfPomeranz } from './kolmogorov-pomeranz';
import { logGamma } from './special-functions';
import { smirnovSf } from './smirnov';

const clip = (p: number) => Math.min(1, Math.max(0, p));

/** Pr(D_n ≥ x) for an integer n ≥ 1. */
export function kolmogorovSf(n: number, x: number): number {
  if (!Number.isInteger(n) || n <= 0) return Number.NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    const cdf =
      n <= 140 ? productTo(n, 2 * t - 1) : Math.exp(logGamma(n + 1) - n * Math.log(n) + n * Math.log(2 * t - 1));
    return clip(1 - cdf);
  }
  if (t >= n - 1) return clip(2 * (1 - x) ** n);
  if (x >= 0.5) return clip(2 * smirnovSf(n, x));
  const nx2 = t * x;
  if (n <= 140) {
    if (nx2 <= 0.754693) return clip(1 - kolmogorovCdfDurbin(n, x));
    if (nx2 <= 4) return clip(1 - kolmogorovCdfPomeranz(n, x));
    return clip(2 * smirnovSf(n, x));
  }
  if (nx2 >= 370) return 0;
  if (nx2 >= 2.2) return clip(2 * smirnovSf(n, x));
  let cdf: number;
  if (nx2 >= 18) cdf = 1;
  else if (n <= 100_000 && n * x ** 1.5 <= 1.4) cdf = kolmogorovCdfDurbin(n, x);
  else cdf = kolmogorovCdfPelzGood(n, x);
  return clip(1 - cdf);
}

/** ∏_{i=1..n} (i/n)·c, in the order numpy multiplies it. */
function productTo(n: number, c: number): number {
  let p = 1;
  for (let i = 1; i <= n; i++) p *= i * (1 / n) * c;
  return p;
}
