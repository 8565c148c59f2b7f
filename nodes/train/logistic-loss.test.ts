import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../split/prng';
import { binaryLoss, log1pExp, lossData, multinomialLoss, sigmoid, type LossData } from './logistic-loss';

function randomData(rows: number, cols: number, classes: number, seed: number): LossData {
  const prng = mulberry32(seed);
  return lossData(
    { rows, cols, data: Float64Array.from({ length: rows * cols }, () => prng.next() * 4 - 2) },
    Int32Array.from({ length: rows }, () => prng.nextInt(classes)),
    0.7,
    Float64Array.from({ length: rows }, () => 0.5 + prng.next()),
  );
}

/** Central differences against the analytic gradient. */
function checkGradient(f: (p: Float64Array, g: Float64Array) => number, params: Float64Array) {
  const g = new Float64Array(params.length);
  f(params, g);
  const scratch = new Float64Array(params.length);
  for (let i = 0; i < params.length; i++) {
    const h = 1e-6;
    const up = Float64Array.from(params);
    const down = Float64Array.from(params);
    up[i] += h;
    down[i] -= h;
    const numeric = (f(up, scratch) - f(down, scratch)) / (2 * h);
    expect(g[i]).toBeCloseTo(numeric, 5);
  }
}

describe('logistic helpers', () => {
  it('stays finite far out in the tails', () => {
    expect(log1pExp(800)).toBe(800);
    expect(log1pExp(-800)).toBe(0);
    expect(log1pExp(0)).toBeCloseTo(Math.LN2, 15);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
    expect(sigmoid(0)).toBe(0.5);
  });
});

describe('binaryLoss', () => {
  it('matches a hand computation with the intercept unpenalised', () => {
    const data: LossData = lossData({ rows: 2, cols: 1, data: Float64Array.from([1, -1]) }, Int32Array.from([1, 0]), 2);
    const g = new Float64Array(2);
    const f = binaryLoss(data, Float64Array.from([0.5, 3]), g);
    const expected = log1pExp(3.5) - 3.5 + log1pExp(2.5) + 0.5 * 2 * 0.25;
    expect(f).toBeCloseTo(expected, 12);
    expect(g[1]).toBeCloseTo(sigmoid(3.5) - 1 + sigmoid(2.5), 12);
  });

  it('has the gradient of its value', () => {
    const data = randomData(30, 4, 2, 1);
    checkGradient((p, g) => binaryLoss(data, p, g), Float64Array.from([0.3, -0.2, 0.5, 0.1, -0.4]));
  });
});

describe('multinomialLoss', () => {
  it('has the gradient of its value', () => {
    const data = randomData(25, 3, 3, 2);
    const params = Float64Array.from({ length: 12 }, (_, i) => Math.sin(i) * 0.5);
    checkGradient((p, g) => multinomialLoss(data, 3, p, g), params);
  });

  it('equals k·log(k)-style cross-entropy at zero parameters', () => {
    const data = randomData(10, 2, 4, 3);
    const total = data.sampleWeight!.reduce((a, b) => a + b, 0);
    expect(multinomialLoss(data, 4, new Float64Array(12), new Float64Array(12))).toBeCloseTo(total * Math.log(4), 10);
  });
});
