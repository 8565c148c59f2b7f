// 'pipeworks/linear': least squares with an optional ridge penalty α‖w‖², solved exactly through
// the centred normal equations (Cholesky; the minimum-norm pseudo-inverse when the features are
// collinear, as scikit-learn's LinearRegression gives). The intercept is never penalised.
import { z } from 'zod';
import { UserError } from '../../engine/errors';
import { linearOnnx } from '../onnx/linear-onnx';
import type { Estimator, Matrix } from './estimator';
import { cholesky, choleskySolve, pseudoInverseSolve } from './linear-algebra';

export const linearParamsShape = {
  alpha: z
    .number()
    .min(0)
    .max(1e12)
    .default(0)
    .describe('Ridge penalty α (as scikit-learn\'s Ridge); 0 is ordinary least squares'),
};

export type LinearParams = z.output<z.ZodObject<typeof linearParamsShape>>;

const payloadSchema = z.object({ features: z.number().int(), weights: z.array(z.number()), intercept: z.number() });

export const linearEstimator: Estimator<LinearParams> = {
  format: 'pipeworks/linear',
  async fit(X, target, params, ctx) {
    if (target.kind !== 'regression') throw new UserError('Linear regression needs a numeric target');
    const { weights, intercept, rank, solver } = solveLeastSquares(X, target.y, params.alpha);
    if (solver === 'pseudo-inverse') {
      ctx.log('warn', `The features are collinear (rank ${rank} of ${X.cols}); used the minimum-norm solution`);
    }
    const predictions = predictRows(weights, intercept, X);
    const { mse, r2 } = fitQuality(predictions, target.y);
    ctx.progress(1, 'Solved', { iteration: 1, loss: mse });
    return {
      payload: { features: X.cols, weights: Array.from(weights), intercept },
      training: {
        algorithm: params.alpha > 0 ? 'ridge regression (normal equations)' : 'least squares (normal equations)',
        solver,
        rank,
        iterations: 1,
        loss: mse,
        rmse: Math.sqrt(mse),
        r2,
      },
    };
  },
  async predict(payload, X) {
    const p = payloadSchema.parse(payload);
    if (p.features !== X.cols) {
      throw new UserError(`The linear model expects ${p.features} features after preprocessing, got ${X.cols}`);
    }
    return predictRows(p.weights, p.intercept, X);
  },
  toOnnx(payload, graph, features) {
    const p = payloadSchema.parse(payload);
    return linearOnnx(graph, features, p.weights, p.intercept);
  },
};

export function solveLeastSquares(X: Matrix, y: Float64Array, alpha: number) {
  const { rows: n, cols: d, data } = X;
  const mean = new Float64Array(d);
  let yMean = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) mean[j] += data[i * d + j];
    yMean += y[i];
  }
  for (let j = 0; j < d; j++) mean[j] /= n;
  yMean /= n;
  const gram = new Float64Array(d * d);
  const rhs = new Float64Array(d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) row[j] = data[i * d + j] - mean[j];
    const yc = y[i] - yMean;
    for (let j = 0; j < d; j++) {
      const xj = row[j];
      if (xj === 0) continue;
      rhs[j] += xj * yc;
      for (let k = j; k < d; k++) gram[j * d + k] += xj * row[k];
    }
  }
  for (let j = 0; j < d; j++) {
    gram[j * d + j] += alpha;
    for (let k = 0; k < j; k++) gram[j * d + k] = gram[k * d + j];
  }
  const factor = Float64Array.from(gram);
  let weights: Float64Array;
  let rank = d;
  let solver: 'cholesky' | 'pseudo-inverse' = 'cholesky';
  if (cholesky(factor, d)) {
    weights = choleskySolve(factor, d, rhs);
  } else {
    ({ x: weights, rank } = pseudoInverseSolve(gram, d, rhs));
    solver = 'pseudo-inverse';
  }
  let intercept = yMean;
  for (let j = 0; j < d; j++) intercept -= mean[j] * weights[j];
  return { weights, intercept, rank, solver };
}

function predictRows(weights: ArrayLike<number>, intercept: number, X: Matrix): Float64Array {
  const { rows, cols: d, data } = X;
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let s = intercept;
    for (let j = 0; j < d; j++) s += data[i * d + j] * weights[j];
    out[i] = s;
  }
  return out;
}

function fitQuality(predictions: Float64Array, y: Float64Array): { mse: number; r2: number } {
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += y[i] / y.length;
  let residual = 0;
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    residual += (y[i] - predictions[i]) ** 2;
    total += (y[i] - mean) ** 2;
  }
  return { mse: residual / y.length, r2: total > 0 ? 1 - residual / total : 0 };
}
