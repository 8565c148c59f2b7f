// Small dense symmetric solvers for the normal equations (d × d, row-major Float64Array).

/** In-place Cholesky A = L·Lᵀ (lower triangle). False when a pivot is not clearly positive. */
export function cholesky(a: Float64Array, d: number, relativeTolerance = 1e-10): boolean {
  let maxDiagonal = 0;
  for (let i = 0; i < d; i++) maxDiagonal = Math.max(maxDiagonal, Math.abs(a[i * d + i]));
  const floor = relativeTolerance * Math.max(maxDiagonal, Number.MIN_VALUE);
  for (let j = 0; j < d; j++) {
    let pivot = a[j * d + j];
    for (let k = 0; k < j; k++) pivot -= a[j * d + k] * a[j * d + k];
    if (!(pivot > floor)) return false;
    const l = Math.sqrt(pivot);
    a[j * d + j] = l;
    for (let i = j + 1; i < d; i++) {
      let s = a[i * d + j];
      for (let k = 0; k < j; k++) s -= a[i * d + k] * a[j * d + k];
      a[i * d + j] = s / l;
    }
  }
  return true;
}

/** Solves L·Lᵀ·x = b with the factor from cholesky(). */
export function choleskySolve(l: Float64Array, d: number, b: Float64Array): Float64Array {
  const x = Float64Array.from(b);
  for (let i = 0; i < d; i++) {
    let s = x[i];
    for (let k = 0; k < i; k++) s -= l[i * d + k] * x[k];
    x[i] = s / l[i * d + i];
  }
  for (let i = d - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < d; k++) s -= l[k * d + i] * x[k];
    x[i] = s / l[i * d + i];
  }
  return x;
}

/** Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations: A = V·diag(values)·Vᵀ. */
export function symmetricEigen(input: Float64Array, d: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const v = new Float64Array(d * d);
  for (let i = 0; i < d; i++) v[i * d + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += a[p * d + q] ** 2;
    if (off === 0 || off < 1e-30 * frobeniusSquared(a)) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = a[p * d + q];
        if (apq === 0) continue;
        const theta = (a[q * d + q] - a[p * d + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        rotate(a, v, d, p, q, c, t * c);
      }
    }
  }
  return { values: Float64Array.from({ length: d }, (_, i) => a[i * d + i]), vectors: v };
}

function rotate(a: Float64Array, v: Float64Array, d: number, p: number, q: number, c: number, s: number): void {
  for (let k = 0; k < d; k++) {
    const akp = a[k * d + p];
    const akq = a[k * d + q];
    a[k * d + p] = c * akp - s * akq;
    a[k * d + q] = s * akp + c * akq;
  }
  for (let k = 0; k < d; k++) {
    const apk = a[p * d + k];
    const aqk = a[q * d + k];
    a[p * d + k] = c * apk - s * aqk;
    a[q * d + k] = s * apk + c * aqk;
  }
  for (let k = 0; k < d; k++) {
    const vkp = v[k * d + p];
    const vkq = v[k * d + q];
    v[k * d + p] = c * vkp - s * vkq;
    v[k * d + q] = s * vkp + c * vkq;
  }
}

function frobeniusSquared(a: Float64Array): number {
  let s = 0;
  for (const x of a) s += x * x;
  return s;
}

/**
 * x = A⁺·b for symmetric positive semi-definite A: the minimum-norm least-squares solution, as
 * numpy's lstsq gives. Eigenvalues below `relativeCutoff` × the largest count as zero.
 */
export function pseudoInverseSolve(a: Float64Array, d: number, b: Float64Array, relativeCutoff = 1e-10): { x: Float64Array; rank: number } {
  const { values, vectors } = symmetricEigen(a, d);
  const largest = Math.max(0, ...values);
  const x = new Float64Array(d);
  let rank = 0;
  for (let k = 0; k < d; k++) {
    if (!(values[k] > relativeCutoff * largest)) continue;
    rank++;
    let proj = 0;
    for (let i = 0; i < d; i++) proj += vectors[i * d + k] * b[i];
    const scale = proj / values[k];
    for (let i = 0; i < d; i++) x[i] += scale * vectors[i * d + k];
  }
  return { x, rank };
}
