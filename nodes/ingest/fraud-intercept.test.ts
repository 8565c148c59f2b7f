import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../split/prng';
import { sigmoid, solveIntercept } from './fraud-intercept';

const meanRate = (scores: Float64Array, b: number) => scores.reduce((sum, s) => sum + sigmoid(b + s), 0) / scores.length;

describe('solveIntercept', () => {
  it('makes the mean probability equal the asked rate on skewed scores', () => {
    const prng = mulberry32(7);
    const scores = Float64Array.from({ length: 10_000 }, () => 4 * prng.next() ** 3 + (prng.next() < 0.1 ? 3 : 0));
    for (const rate of [0.001, 0.02, 0.3, 0.5]) {
      const b = solveIntercept(scores, rate);
      expect(meanRate(scores, b)).toBeCloseTo(rate, 9);
    }
  });

  it('is the plain log-odds when every score is zero', () => {
    expect(solveIntercept(new Float64Array(50), 0.2)).toBeCloseTo(Math.log(0.25), 12);
  });

  it('refuses a rate outside (0, 1)', () => {
    expect(() => solveIntercept(new Float64Array(3), 0)).toThrow(RangeError);
    expect(() => solveIntercept(new Float64Array(3), 1)).toThrow(RangeError);
  });

  it('computes σ without overflow at both ends', () => {
    expect(sigmoid(800)).toBe(1);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(0)).toBe(0.5);
  });
});
