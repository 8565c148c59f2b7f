// Pr(D_n ≤ x) by Pomeranz's recursion (1974): a port of scipy's _kolmogn_Pomeranz, which scipy
// uses for n ≤ 140 in the middle of the range.
import { ldexp } from './kolmogorov-durbin';

const E128 = 2 ** 128;
const EM128 = 2 ** -128;

function rowBounds(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    if ((i + 1) % 2 === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = half - 1 - ll - roundf - 1;
        j2 = half + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/** numpy's full convolution of a[start, start+len) (clipped to a) with b[0, len). */
function convolve(a: Float64Array, start: number, len: number, b: Float64Array): Float64Array {
  const la = Math.max(0, Math.min(a.length, start + len) - start);
  const lb = Math.min(len, b.length);
  const out = new Float64Array(la + lb - 1);
  for (let i = 0; i < la; i++) {
    const ai = a[start + i];
    if (ai === 0) continue;
    for (let j = 0; j < lb; j++) out[i + j] += ai * b[j];
  }
  return out;
}

export function kolmogorovCdfPomeranz(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  const gpower = new Float64Array(npwrs);
  const twogpower = new Float64Array(npwrs);
  const onem2gpower = new Float64Array(npwrs);
  gpower[0] = twogpower[0] = onem2gpower[0] = 1;
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = (gpower[m - 1] * (g / n)) / m;
    twogpower[m] = (twogpower[m - 1] * ((2 * g) / n)) / m;
    onem2gpower[m] = (onem2gpower[m - 1] * ((1 - 2 * g) / n)) / m;
  }
  let expnt = 0;
  let v0 = new Float64Array(npwrs);
  let v1 = new Float64Array(npwrs);
  v1[0] = 1;
  let v0s = 0;
  let v1s = 0;
  let [j1, j2] = rowBounds(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [v0, v1] = [v1, v0];
    [v0s, v1s] = [v1s, v0s];
    v1.fill(0);
    [j1, j2] = rowBounds(i, n, ll, ceilf, roundf);
    const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      const conv = convolve(v0, k1 - v0s, ln2, pwrs);
      const convStart = j1 - k1;
      const convLen = j2 - j1 + 1;
      let max = -Infinity;
      for (let c = 0; c < convLen; c++) {
        v1[c] = conv[convStart + c];
        max = Math.max(max, v1[c]);
      }
      for (let c = convLen; c < npwrs; c++) max = Math.max(max, v1[c]);
      if (max > 0 && max < EM128) {
        for (let c = 0; c < npwrs; c++) v1[c] *= E128;
        expnt -= 128;
      }
      v1s = v0s + j1 - k1;
    }
  }
  let ans = v1[n - v1s];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(ans) > E128) {
      ans *= EM128;
      expnt += 128;
    }
    ans *= m;
  }
  return expnt !== 0 ? ldexp(ans, expnt) : ans;
}
