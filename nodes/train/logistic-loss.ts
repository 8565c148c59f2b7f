// The L2-penalised logistic objectives scikit-learn's lbfgs solver minimises (sklearn 1.2):
//   binary:      Σ sᵢ·[log(1 + e^zᵢ) − yᵢ·zᵢ] + ½·λ·‖w‖²,  z = X·w + b
//   multinomial: Σ sᵢ·[logsumexp(zᵢ) − zᵢ,yᵢ] + ½·λ·‖W‖²,  z = X·Wᵀ + b
// with λ = 1 / C and the intercepts unpenalised. Parameters are packed per class as [w…, b].
// The data is kept column-major: both X·w and Xᵀ·r then run as long unit-stride loops, which
// is what makes a JS fit competitive with BLAS-backed numpy.
import type { Matrix } from './estimator';

export interface LossData {
  rows: number;
  cols: number;
  /** Column-major copy of X: value (r, c) is columns[c * rows + r]. */
  columns: Float64Array;
  /** Class indices (binary: 0/1). */
  y: Int32Array;
  sampleWeight?: Float64Array;
  lambda: number;
}

export function lossData(X: Matrix, y: Int32Array, lambda: number, sampleWeight?: Float64Array): LossData {
  const { rows, cols, data } = X;
  const columns = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) columns[c * rows + r] = data[r * cols + c];
  return { rows, cols, columns, y, sampleWeight, lambda };
}

/** log(1 + e^z) without overflow. */
export function log1pExp(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Rows per block: a block's columns and scores stay in cache between the three passes over it. */
const BLOCK = 2048;

/** out[i] = b + Σⱼ wⱼ·X[i, j] for rows start..end−1; four columns per sweep to touch out[] less. */
function linear(data: LossData, params: Float64Array, offset: number, out: Float64Array, start: number, end: number): void {
  const { rows: n, cols: d, columns: x } = data;
  out.fill(params[offset + d], start, end);
  let j = 0;
  for (; j + 3 < d; j += 4) {
    const [a, b, c, e] = [j * n, (j + 1) * n, (j + 2) * n, (j + 3) * n];
    const [wa, wb, wc, we] = [params[offset + j], params[offset + j + 1], params[offset + j + 2], params[offset + j + 3]];
    for (let i = start; i < end; i++) out[i] += wa * x[a + i] + wb * x[b + i] + wc * x[c + i] + we * x[e + i];
  }
  for (; j < d; j++) {
    const base = j * n;
    const w = params[offset + j];
    for (let i = start; i < end; i++) out[i] += w * x[base + i];
  }
}

/** g[offset + j] += Σᵢ X[i, j]·r[i] over rows start..end−1 (four columns per sweep), intercept slot += Σᵢ r[i]. */
function addGradient(data: LossData, r: Float64Array, g: Float64Array, offset: number, start: number, end: number): void {
  const { rows: n, cols: d, columns: x } = data;
  let j = 0;
  for (; j + 3 < d; j += 4) {
    const [a, b, c, e] = [j * n, (j + 1) * n, (j + 2) * n, (j + 3) * n];
    let sa = 0;
    let sb = 0;
    let sc = 0;
    let se = 0;
    for (let i = start; i < end; i++) {
      const ri = r[i];
      sa += x[a + i] * ri;
      sb += x[b + i] * ri;
      sc += x[c + i] * ri;
      se += x[e + i] * ri;
    }
    g[offset + j] += sa;
    g[offset + j + 1] += sb;
    g[offset + j + 2] += sc;
    g[offset + j + 3] += se;
  }
  for (; j < d; j++) {
    const base = j * n;
    let s = 0;
    for (let i = start; i < end; i++) s += x[base + i] * r[i];
    g[offset + j] += s;
  }
  let s = 0;
  for (let i = start; i < end; i++) s += r[i];
  g[offset + d] += s;
}

/** Adds ½·λ·‖w‖² (intercepts excluded) to the value and λ·w to the gradient. */
function penalise(data: LossData, classes: number, params: Float64Array, g: Float64Array): number {
  const { cols: d, lambda } = data;
  let sum = 0;
  for (let k = 0; k < classes; k++) {
    for (let j = 0; j < d; j++) {
      const v = params[k * (d + 1) + j];
      sum += v * v;
      g[k * (d + 1) + j] += lambda * v;
    }
  }
  return 0.5 * lambda * sum;
}

/** Binary objective; params hold d weights then the intercept. Writes the gradient into g. */
export function binaryLoss(data: LossData, params: Float64Array, g: Float64Array, scratch = new Float64Array(data.rows)): number {
  const { rows: n, y, sampleWeight } = data;
  const z = scratch;
  g.fill(0);
  let loss = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    linear(data, params, 0, z, start, end);
    for (let i = start; i < end; i++) {
      const zi = z[i];
      const e = Math.exp(-Math.abs(zi)); // one exp serves both the loss and the probability
      const s = sampleWeight === undefined ? 1 : sampleWeight[i];
      const yi = y[i];
      loss += s * ((zi > 0 ? zi : 0) + Math.log1p(e) - yi * zi);
      z[i] = s * ((zi >= 0 ? 1 / (1 + e) : e / (1 + e)) - yi); // the residual replaces z in place
    }
    addGradient(data, z, g, 0, start, end);
  }
  return loss + penalise(data, 1, params, g);
}

/** Multinomial objective; params hold k blocks of [d weights, intercept]. Writes the gradient into g. */
export function multinomialLoss(
  data: LossData,
  classes: number,
  params: Float64Array,
  g: Float64Array,
  scratch = new Float64Array(data.rows * classes),
): number {
  const { rows: n, cols: d } = data;
  const z = scratch; // class k's scores, then its residuals, at z[k * n + i]
  g.fill(0);
  let loss = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    for (let k = 0; k < classes; k++) linear(data, params, k * (d + 1), z.subarray(k * n, (k + 1) * n), start, end);
    loss += softmaxResiduals(data, classes, z, start, end);
    for (let k = 0; k < classes; k++) addGradient(data, z.subarray(k * n, (k + 1) * n), g, k * (d + 1), start, end);
  }
  return loss + penalise(data, classes, params, g);
}

/** Rows start..end−1: the weighted cross-entropy, with the scores in z replaced by residuals. */
function softmaxResiduals(data: LossData, classes: number, z: Float64Array, start: number, end: number): number {
  const { rows: n, y, sampleWeight } = data;
  let loss = 0;
  for (let i = start; i < end; i++) {
    let max = -Infinity;
    for (let k = 0; k < classes; k++) if (z[k * n + i] > max) max = z[k * n + i];
    let sum = 0;
    for (let k = 0; k < classes; k++) sum += Math.exp(z[k * n + i] - max);
    const s = sampleWeight === undefined ? 1 : sampleWeight[i];
    const yi = y[i];
    const logSum = Math.log(sum) + max;
    loss += s * (logSum - z[yi * n + i]);
    for (let k = 0; k < classes; k++) {
      z[k * n + i] = s * (Math.exp(z[k * n + i] - logSum) - (k === yi ? 1 : 0));
    }
  }
  return loss;
}
