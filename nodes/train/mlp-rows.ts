// The training rows in the shape the MLP's training loop wants: float32 features, a target block
// per row (0/1, a one-hot row, or a standardised number) and optional row weights, and the
// batches cut from them, which also carry the transposed features with a row of ones appended.
import type { FitTarget, Matrix } from './estimator';

export interface MlpRows {
  rows: number;
  cols: number;
  x: Float32Array;
  /** rows × outputs, row-major. */
  y: Float32Array;
  outputs: number;
  /** Row weights (class weighting); undefined means every row weighs 1. */
  w?: Float32Array;
}

/** Regression targets are trained standardised; predictions are mapped back with these. */
export interface TargetScale {
  mean: number;
  std: number;
}

export function targetScale(target: FitTarget): TargetScale | undefined {
  if (target.kind !== 'regression') return undefined;
  const y = target.y;
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += y[i];
  mean /= y.length || 1;
  let ss = 0;
  for (let i = 0; i < y.length; i++) ss += (y[i] - mean) ** 2;
  const std = Math.sqrt(ss / (y.length || 1));
  return { mean, std: std > 0 && Number.isFinite(std) ? std : 1 };
}

/** Output units: one for binary (sigmoid) and regression, one per class above two (softmax). */
export function outputUnits(target: FitTarget): number {
  return target.kind === 'classification' && target.classes > 2 ? target.classes : 1;
}

export function toMlpRows(X: Matrix, target: FitTarget, scale: TargetScale | undefined): MlpRows {
  const outputs = outputUnits(target);
  const y = new Float32Array(X.rows * outputs);
  if (target.kind === 'regression') {
    const { mean, std } = scale ?? { mean: 0, std: 1 };
    for (let i = 0; i < X.rows; i++) y[i] = (target.y[i] - mean) / std;
  } else if (outputs === 1) {
    for (let i = 0; i < X.rows; i++) y[i] = target.y[i];
  } else {
    for (let i = 0; i < X.rows; i++) y[i * outputs + target.y[i]] = 1;
  }
  const rows: MlpRows = { rows: X.rows, cols: X.cols, x: Float32Array.from(X.data), y, outputs };
  if (target.kind === 'classification' && target.sampleWeight) rows.w = Float32Array.from(target.sampleWeight);
  return rows;
}

export interface Batch {
  n: number;
  /** n × cols. */
  x: Float32Array;
  /** (cols + 1) × n: the features transposed, then a row of ones (so one matmul gives [dW; db]); only when asked for. */
  xaT?: Float32Array;
  y: Float32Array;
  w?: Float32Array;
}

/**
 * Copies rows order[start .. start + n) into fresh arrays (a backend may keep the array it was
 * given); `withXaT` adds the transposed block the 'untransposed' gradient plan reads.
 */
export function takeBatch(data: MlpRows, order: Int32Array, start: number, n: number, withXaT = true): Batch {
  const { cols, outputs } = data;
  const x = new Float32Array(n * cols);
  const xaT = withXaT ? new Float32Array((cols + 1) * n) : undefined;
  const y = new Float32Array(n * outputs);
  const w = data.w ? new Float32Array(n) : undefined;
  for (let k = 0; k < n; k++) {
    const r = order[start + k];
    const src = r * cols;
    for (let c = 0; c < cols; c++) {
      const v = data.x[src + c];
      x[k * cols + c] = v;
      if (xaT) xaT[c * n + k] = v;
    }
    if (xaT) xaT[cols * n + k] = 1;
    for (let o = 0; o < outputs; o++) y[k * outputs + o] = data.y[r * outputs + o];
    if (w) w[k] = data.w![r];
  }
  const batch: Batch = { n, x, y };
  if (xaT) batch.xaT = xaT;
  if (w) batch.w = w;
  return batch;
}
