import { describe, expect, it } from 'vitest';
import { fakeContext } from '../testing/fake-context';
import { fitContext } from './define-train-node';
import type { FitTarget } from './estimator';
import { logisticEstimator, type LogisticParams } from './logistic-estimator';
import { linearFixtures, maxRelativeError, toMatrix, type LogisticCase } from './sklearn-fixtures';

function setUp(c: LogisticCase) {
  const classes = new Set(c.y).size;
  const target: FitTarget = {
    kind: 'classification',
    classes,
    y: Int32Array.from(c.y),
    ...(c.sampleWeight ? { sampleWeight: Float64Array.from(c.sampleWeight) } : {}),
  };
  return { X: toMatrix(c.X), target, classes };
}

async function fit(c: LogisticCase, params: Partial<LogisticParams> = {}) {
  const { X, target } = setUp(c);
  const ctx = fakeContext();
  const result = await logisticEstimator.fit(X, target, { C: c.C, maxIter: 100, tol: 1e-4, ...params }, fitContext(ctx, 0));
  return { ...result, ctx, X };
}

/** sklearn's coef_ rows and intercepts, flattened; multinomial intercepts are centred (only differences matter). */
function flatten(coef: number[][], intercept: number[]) {
  const mean = intercept.length > 1 ? intercept.reduce((a, b) => a + b, 0) / intercept.length : 0;
  return [...coef.flat(), ...intercept.map((b) => b - mean)];
}

function ours(payload: Record<string, unknown>) {
  const { weights, intercepts } = payload as { weights: number[]; intercepts: number[] };
  const mean = intercepts.length > 1 ? intercepts.reduce((a, b) => a + b, 0) / intercepts.length : 0;
  return [...weights, ...intercepts.map((b) => b - mean)];
}

describe.each(linearFixtures.logistic)('logistic estimator vs scikit-learn: $name', (c) => {
  it('reaches the exact optimum (tight tolerance) to 1e-5 relative', async () => {
    const { payload, training } = await fit(c, { tol: 1e-10, maxIter: 10_000 });
    expect(maxRelativeError(ours(payload), flatten(c.tight.coef, c.tight.intercept))).toBeLessThan(1e-5);
    expect(training.converged).toBe(true);
  });

  it('agrees with the default-settings fit in coefficients and probabilities', async () => {
    const { payload, X, training } = await fit(c);
    expect(maxRelativeError(ours(payload), flatten(c.default.coef, c.default.intercept))).toBeLessThan(2e-3);
    const proba = await logisticEstimator.predict(payload, { rows: 5, cols: X.cols, data: X.data.subarray(0, 5 * X.cols) }, { backends: [] });
    expect(maxRelativeError(proba, c.default.proba.flat(), 1e-3)).toBeLessThan(1e-3);
    expect(training.iterations as number).toBeLessThanOrEqual(3 * c.default.nIter);
  });
});

describe('logistic estimator', () => {
  const c = linearFixtures.logistic[0];

  it('streams the loss per iteration and returns rows × 2 probabilities for binary', async () => {
    const { payload, ctx, X, training } = await fit(c);
    expect(ctx.progressed.length).toBe(training.iterations);
    expect(ctx.progressed[0].data).toMatchObject({ iteration: 1 });
    const losses = ctx.progressed.map((p) => p.data!.loss as number);
    expect(losses.at(-1)!).toBeLessThan(losses[0]);
    const proba = await logisticEstimator.predict(payload, X, { backends: [] });
    expect(proba).toHaveLength(X.rows * 2);
    const meanLogLoss = c.y.reduce((s, y, i) => s - Math.log(proba[2 * i + y]), 0) / X.rows;
    expect(training.loss).toBeCloseTo(meanLogLoss, 10);
    for (let i = 0; i < X.rows; i++) expect(proba[2 * i] + proba[2 * i + 1]).toBeCloseTo(1, 12);
  });

  it('warns when it runs out of iterations', async () => {
    const { ctx, training } = await fit(c, { maxIter: 2 });
    expect(training.converged).toBe(false);
    expect(ctx.logs.some((l) => l.level === 'warn' && /without converging/.test(l.message))).toBe(true);
  });

  it('refuses a payload for a different number of features', async () => {
    const { payload } = await fit(c);
    await expect(logisticEstimator.predict(payload, { rows: 1, cols: 2, data: new Float64Array(2) }, { backends: [] })).rejects.toThrow(
      /expects 4 features/,
    );
  });
});
