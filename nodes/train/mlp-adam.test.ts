import { beforeAll, describe, expect, it } from 'vitest';
import { adamState, adamStep } from './mlp-adam';
import { TEST_ML } from './mlp-test-kit';
import { initTf, type Tf } from './tf-backend';

let tf: Tf;
beforeAll(async () => {
  ({ tf } = await initTf(TEST_ML));
});

/** Adam in float64 (TensorFlow's form: ε added to √v, bias corrections folded into the step size). */
function reference(theta: number[], grads: number[][], lr: number, l2Mask: number[]): number[] {
  const m = theta.map(() => 0);
  const v = theta.map(() => 0);
  let p = [...theta];
  grads.forEach((g0, step) => {
    const t = step + 1;
    const g = g0.map((gi, i) => gi + l2Mask[i] * p[i]);
    g.forEach((gi, i) => {
      m[i] = 0.9 * m[i] + 0.1 * gi;
      v[i] = 0.999 * v[i] + 0.001 * gi * gi;
    });
    const stepSize = (lr * Math.sqrt(1 - 0.999 ** t)) / (1 - 0.9 ** t);
    p = p.map((pi, i) => pi - (stepSize * m[i]) / (Math.sqrt(v[i]) + 1e-8));
  });
  return p;
}

describe('adamStep', () => {
  it('follows Adam over several steps, L2 on masked entries only', () => {
    const start = [0.5, -1, 2, 0];
    const grads = [[0.1, -0.2, 0.3, 1], [0.05, 0.4, -0.3, 1], [-0.2, 0.1, 0.0, 1]];
    const mask = [0.2, 0.2, 0, 0];
    const state = adamState(tf, 4);
    let theta = tf.tensor1d(start);
    const l2 = tf.tensor1d(mask);
    for (const g of grads) {
      const grad = tf.tensor1d(g);
      const next = adamStep(tf, state, theta, grad, 0.01, l2);
      tf.dispose([theta, grad]);
      theta = next;
    }
    const got = Array.from(theta.dataSync());
    reference(start, grads, 0.01, mask).forEach((want, i) => expect(got[i]).toBeCloseTo(want, 5));
    expect(state.t).toBe(3);
    tf.dispose([theta, l2, state.m, state.v]);
  });
});
