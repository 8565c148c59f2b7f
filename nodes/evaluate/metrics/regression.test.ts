import { describe, expect, it } from 'vitest';
import { regressionMetrics } from './regression';

describe('regressionMetrics', () => {
  it('computes MSE, RMSE, MAE, R² and MAPE by hand', () => {
    const m = regressionMetrics([1, 2, 3, 4], [2, 2, 3, 2]);
    expect(m.mse).toBeCloseTo(5 / 4, 12);
    expect(m.rmse).toBeCloseTo(Math.sqrt(5 / 4), 12);
    expect(m.mae).toBeCloseTo(3 / 4, 12);
    expect(m.r2).toBeCloseTo(1 - 5 / 5, 12);
    expect(m.mape).toBeCloseTo((1 + 0 + 0 + 0.5) / 4, 12);
  });

  it('gives R² 1 for an exact constant target and 0 for a missed one, as force_finite does', () => {
    expect(regressionMetrics([2, 2], [2, 2]).r2).toBe(1);
    expect(regressionMetrics([2, 2], [1, 3]).r2).toBe(0);
  });

  it('divides by machine epsilon where the target is 0, so MAPE is huge but finite', () => {
    const { mape } = regressionMetrics([0, 1], [0.5, 1]);
    expect(mape).toBeCloseTo(0.5 / Number.EPSILON / 2, 0);
    expect(Number.isFinite(mape)).toBe(true);
  });
});
