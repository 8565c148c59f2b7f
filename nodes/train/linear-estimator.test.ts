import { describe, expect, it } from 'vitest';
import { fakeContext } from '../testing/fake-context';
import { fitContext } from './define-train-node';
import { linearEstimator } from './linear-estimator';
import { linearFixtures, maxRelativeError, toMatrix } from './sklearn-fixtures';

async function fit(c: (typeof linearFixtures.linear)[number]) {
  const ctx = fakeContext();
  const X = toMatrix(c.X);
  const result = await linearEstimator.fit(X, { kind: 'regression', y: Float64Array.from(c.y) }, { alpha: c.alpha }, fitContext(ctx, 0));
  return { ...result, ctx, X };
}

describe.each(linearFixtures.linear)('linear estimator vs scikit-learn: $name', (c) => {
  it('matches the coefficients and intercept to 1e-8 relative', async () => {
    const { payload } = await fit(c);
    const { weights, intercept } = payload as { weights: number[]; intercept: number };
    expect(maxRelativeError([...weights, intercept], [...c.coef, c.intercept])).toBeLessThan(1e-8);
  });
});

describe('linear estimator', () => {
  const [ols, , , deficient] = linearFixtures.linear;

  it('predicts rows × 1 and reports the training error', async () => {
    const { payload, X, training } = await fit(ols);
    const predictions = await linearEstimator.predict(payload, X, { backends: [] });
    expect(predictions).toHaveLength(X.rows);
    const mse = predictions.reduce((s, p, i) => s + (p - ols.y[i]) ** 2, 0) / X.rows;
    expect(training.loss).toBeCloseTo(mse, 12);
    expect(training.r2 as number).toBeGreaterThan(0.9);
  });

  it('says when the features are collinear', async () => {
    const { ctx, training } = await fit(deficient);
    expect(training).toMatchObject({ solver: 'pseudo-inverse', rank: 3 });
    expect(ctx.logs.some((l) => l.level === 'warn' && /collinear/.test(l.message))).toBe(true);
  });

  it('refuses a classification target', async () => {
    await expect(
      linearEstimator.fit(toMatrix(ols.X), { kind: 'classification', classes: 2, y: new Int32Array(ols.y.length) }, { alpha: 0 }, fitContext(fakeContext(), 0)),
    ).rejects.toThrow(/numeric target/);
  });
});
