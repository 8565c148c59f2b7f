// Pr(D_n ≤ d) by the Durbin matrix, as Marsaglia, Tsang and Wang (2003) compute it: a port of
// scipy's _kolmogn_DMTW, exponent bookkeeping included.

const E128 = 2 ** 128;
const EM128 = 2 ** -128;

type Matrix = Float64Array[];

function multiply(a: Matrix, b: Matrix): Matrix {
  const m = a.length;
  const out: Matrix = Array.from({ length: m }, () => new Float64Array(m));
  for (let i = 0; i < m; i++) {
    const row = out[i];
    for (let k = 0; k < m; k++) {
      const aik = a[i][k];
      if (aik === 0) continue;
      const bk = b[k];
      for (let j = 0; j < m; j++) row[j] += aik * bk[j];
    }
  }
  return out;
}

export function ldexp(x: number, e: number): number {
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
}

export function kolmogorovCdfDurbin(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] = (1 - h ** j) * fac;
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * fac;
  let hm: Matrix = Array.from({ length: m }, () => new Float64Array(m));
  for (let i = 1; i < m; i++) for (let r = i - 1; r < m; r++) hm[r][i] = w[r - i + 1];
  for (let r = 0; r < m; r++) hm[r][0] = v[r];
  for (let c = 0; c < m; c++) hm[m - 1][c] = v[m - 1 - c];
  let power: Matrix = Array.from({ length: m }, (_, i) => {
    const row = new Float64Array(m);
    row[i] = 1;
    return row;
  });
  let expnt = 0;
  let hExpnt = 0;
  for (let nn = n; nn > 0; nn = Math.floor(nn / 2)) {
    if (nn % 2) {
      power = multiply(power, hm);
      expnt += hExpnt;
    }
    hm = multiply(hm, hm);
    hExpnt *= 2;
    if (Math.abs(hm[k - 1][k - 1]) > E128) {
      for (const row of hm) for (let c = 0; c < m; c++) row[c] /= E128;
      hExpnt += 128;
    }
  }
  let p = power[k - 1][k - 1];
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < EM128) {
      p *= E128;
      expnt -= 128;
    }
  }
  return expnt !== 0 ? ldexp(p, expnt) : p;
}
