// 'pipeworks/logistic': L2-regularised logistic regression fitted with L-BFGS, the objective and
// stopping rules of scikit-learn's LogisticRegression(solver='lbfgs'): binary for two classes,
// multinomial (softmax) for more.
import { z } from 'zod';
import { UserError } from '../../engine/errors';
import { logisticOnnx } from '../onnx/linear-onnx';
import type { JsonObject } from '../values';
import type { Estimator, Matrix } from './estimator';
import { minimizeLbfgs, SCIPY_FTOL } from './lbfgs';
import { binaryLoss, lossData, multinomialLoss, sigmoid } from './logistic-loss';

export const logisticParamsShape = {
  C: z
    .number()
    .positive()
    .max(1e12)
    .default(1)
    .describe('Inverse regularisation strength, as in scikit-learn: smaller C means a stronger L2 penalty'),
  maxIter: z.number().int().min(1).max(100_000).default(100).describe('Most L-BFGS iterations'),
  tol: z
    .number()
    .positive()
    .max(1)
    .default(1e-4)
    .describe('Stop when no gradient component exceeds this (scikit-learn\'s tol)'),
};

export type LogisticParams = z.output<z.ZodObject<typeof logisticParamsShape>>;

const payloadSchema = z.object({
  features: z.number().int(),
  /** 1 weight row for binary (the second label's log-odds), one per class for multinomial. */
  weights: z.array(z.number()),
  intercepts: z.array(z.number()),
});

export const logisticEstimator: Estimator<LogisticParams> = {
  format: 'pipeworks/logistic',
  async fit(X, target, params, ctx) {
    if (target.kind !== 'classification') throw new UserError('Logistic regression needs a classification target');
    const data = lossData(X, target.y, 1 / params.C, target.sampleWeight);
    const k = target.classes === 2 ? 1 : target.classes;
    const d = X.cols;
    const scratch = new Float64Array(X.rows * k);
    const objective =
      k === 1
        ? (p: Float64Array, g: Float64Array) => binaryLoss(data, p, g, scratch)
        : (p: Float64Array, g: Float64Array) => multinomialLoss(data, k, p, g, scratch);
    const totalWeight = target.sampleWeight ? target.sampleWeight.reduce((a, b) => a + b, 0) : X.rows;
    const result = minimizeLbfgs(objective, new Float64Array(k * (d + 1)), {
      maxIter: params.maxIter,
      gtol: params.tol,
      ftol: relativeDecreaseTolerance(params.tol),
      signal: ctx.signal,
      onIteration: (iteration, f) =>
        ctx.progress(iteration / params.maxIter, `Iteration ${iteration}`, { iteration, loss: f / totalWeight }),
    });
    if (!result.converged) {
      ctx.log('warn', `L-BFGS stopped without converging (${result.reason}) after ${result.iterations} iterations; ` +
        'raise maxIter, or scale the features');
    }
    const weights: number[] = [];
    const intercepts: number[] = [];
    for (let c = 0; c < k; c++) {
      weights.push(...result.x.subarray(c * (d + 1), c * (d + 1) + d));
      intercepts.push(result.x[c * (d + 1) + d]);
    }
    const payload = { features: d, weights, intercepts };
    // The mean log loss without another pass over the data: the objective minus its penalty.
    const penalty = (0.5 / params.C) * weights.reduce((sum, w) => sum + w * w, 0);
    const loss = (result.f - penalty) / totalWeight;
    return {
      payload,
      training: {
        algorithm: k === 1 ? 'logistic regression (L-BFGS)' : 'multinomial logistic regression (L-BFGS)',
        iterations: result.iterations,
        evaluations: result.evaluations,
        converged: result.converged,
        stop: result.reason,
        loss,
        objective: result.f,
      },
    };
  },
  async predict(payload, X) {
    const p = readPayload(payload, X);
    const k = p.intercepts.length;
    return predictRows(p, X, k === 1 ? 2 : k);
  },
  toOnnx(payload, graph, features) {
    const p = payloadSchema.parse(payload);
    return logisticOnnx(graph, features, p.weights, p.intercepts);
  },
};

/**
 * scipy's relative-decrease rule (2.2e-9) at scikit-learn's default tol, tightened with the square
 * of a smaller tol: otherwise it stops long before a strict gradient tolerance is met.
 */
export function relativeDecreaseTolerance(tol: number): number {
  return SCIPY_FTOL * Math.min(1, tol / 1e-4) ** 2;
}

function readPayload(payload: JsonObject, X: Matrix): z.output<typeof payloadSchema> {
  const p = payloadSchema.parse(payload);
  if (p.features !== X.cols) {
    throw new UserError(`The logistic model expects ${p.features} features after preprocessing, got ${X.cols}`);
  }
  return p;
}

/** rows × classes probabilities. */
function predictRows(p: { weights: number[]; intercepts: number[] }, X: Matrix, classes: number): Float64Array {
  const { rows, cols: d, data } = X;
  const out = new Float64Array(rows * classes);
  const k = p.intercepts.length;
  const z = new Float64Array(k);
  for (let i = 0; i < rows; i++) {
    for (let c = 0; c < k; c++) {
      let s = p.intercepts[c];
      for (let j = 0; j < d; j++) s += data[i * d + j] * p.weights[c * d + j];
      z[c] = s;
    }
    if (k === 1) {
      const pos = sigmoid(z[0]);
      out[i * 2] = 1 - pos;
      out[i * 2 + 1] = pos;
      continue;
    }
    const max = Math.max(...z);
    let sum = 0;
    for (let c = 0; c < k; c++) sum += (z[c] = Math.exp(z[c] - max));
    for (let c = 0; c < k; c++) out[i * k + c] = z[c] / sum;
  }
  return out;
}
