import { describe, expect, it } from 'vitest';
import { cholesky, choleskySolve, pseudoInverseSolve, symmetricEigen } from './linear-algebra';

const spd = Float64Array.from([4, 2, 0.6, 2, 5, 1, 0.6, 1, 3]);
const multiply = (a: Float64Array, x: Float64Array, d: number) =>
  Array.from({ length: d }, (_, i) => x.reduce((s, xj, j) => s + a[i * d + j] * xj, 0));

describe('cholesky', () => {
  it('solves a symmetric positive definite system', () => {
    const l = Float64Array.from(spd);
    expect(cholesky(l, 3)).toBe(true);
    const b = Float64Array.from([1, 2, 3]);
    const x = choleskySolve(l, 3, b);
    multiply(spd, x, 3).forEach((v, i) => expect(v).toBeCloseTo(b[i], 12));
  });

  it('refuses a singular or indefinite matrix', () => {
    expect(cholesky(Float64Array.from([1, 1, 1, 1]), 2)).toBe(false);
    expect(cholesky(Float64Array.from([1, 2, 2, 1]), 2)).toBe(false);
  });
});

describe('symmetricEigen and pseudoInverseSolve', () => {
  it('reconstructs A from its eigenpairs', () => {
    const { values, vectors } = symmetricEigen(spd, 3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += vectors[i * 3 + k] * values[k] * vectors[j * 3 + k];
        expect(s).toBeCloseTo(spd[i * 3 + j], 12);
      }
    }
  });

  it('gives the minimum-norm solution of a rank-deficient system', () => {
    // A = [[1,1],[1,1]], b = [2,2]: every x with x0 + x1 = 2 solves it; the shortest is [1, 1].
    const { x, rank } = pseudoInverseSolve(Float64Array.from([1, 1, 1, 1]), 2, Float64Array.from([2, 2]));
    expect(rank).toBe(1);
    expect(Array.from(x).map((v) => +v.toFixed(12))).toEqual([1, 1]);
  });

  it('agrees with Cholesky on a full-rank system', () => {
    const b = Float64Array.from([3, -1, 2]);
    const l = Float64Array.from(spd);
    cholesky(l, 3);
    const viaCholesky = choleskySolve(l, 3, b);
    const { x, rank } = pseudoInverseSolve(spd, 3, b);
    expect(rank).toBe(3);
    x.forEach((v, i) => expect(v).toBeCloseTo(viaCholesky[i], 12));
  });
});
