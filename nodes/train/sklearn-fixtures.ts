// Test helper: the scikit-learn reference fits in tests/fixtures/train (see make_linear_fixtures.py).
import fixtures from '../../tests/fixtures/train/linear-models.json';
import type { Matrix } from './estimator';

export interface LogisticCase {
  name: string;
  X: number[][];
  y: number[];
  sampleWeight: number[] | null;
  C: number;
  tight: { coef: number[][]; intercept: number[]; gradMax: number };
  default: { coef: number[][]; intercept: number[]; nIter: number; proba: number[][] };
}

export interface LinearCase {
  name: string;
  X: number[][];
  y: number[];
  alpha: number;
  coef: number[];
  intercept: number;
}

export const linearFixtures = fixtures as { logistic: LogisticCase[]; linear: LinearCase[] };

export function toMatrix(rows: number[][]): Matrix {
  return { rows: rows.length, cols: rows[0].length, data: Float64Array.from(rows.flat()) };
}

/** max |a − b| / max(|b|, floor): relative error with a floor for coefficients near 0. */
export function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>, floor = 1e-2): number {
  let worst = 0;
  for (let i = 0; i < b.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), floor));
  return worst;
}
