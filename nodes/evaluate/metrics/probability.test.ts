import { describe, expect, it } from 'vitest';
import { brierScore, logLoss } from './probability';

describe('logLoss', () => {
  it('matches the scikit-learn docstring example', () => {
    // log_loss(["spam", "ham", "ham", "spam"], [[.1, .9], [.9, .1], [.8, .2], [.35, .65]]) = 0.21616...
    const proba = [0.1, 0.9, 0.9, 0.1, 0.8, 0.2, 0.35, 0.65];
    expect(logLoss([1, 0, 0, 1], proba, 2)).toBeCloseTo(0.21616187468057912, 12);
  });

  it('clips a zero probability for the true class to machine epsilon instead of returning Infinity', () => {
    expect(logLoss([0], [0, 1], 2)).toBeCloseTo(-Math.log(Number.EPSILON), 9);
  });

  it('renormalises rows that do not sum to 1', () => {
    expect(logLoss([0], [0.2, 0.2], 2)).toBeCloseTo(Math.log(2), 12);
  });
});

describe('brierScore', () => {
  it('is the mean squared error of the positive-class probability', () => {
    expect(brierScore([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3])).toBeCloseTo(0.0375, 12);
  });
});
