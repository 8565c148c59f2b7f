import { beforeAll, describe, expect, it } from 'vitest';
import { flatAdam } from './mlp-adam';
import { adamCase, adamReference } from './mlp-adam-reference';
import { TEST_ML } from './mlp-test-kit';
import { initTf, type Tf } from './tf-backend';

let tf: Tf;
beforeAll(async () => {
  ({ tf } = await initTf(TEST_ML));
});

function run(start: number[], grads: number[][], mask: number[] | undefined, lr: number) {
  const adam = flatAdam(tf, Float32Array.from(start), { learningRate: lr, ...(mask ? { l2Mask: Float32Array.from(mask) } : {}) });
  for (const g of grads) {
    const grad = tf.tensor1d(g);
    adam.step(grad);
    grad.dispose();
  }
  const got = Array.from(adam.theta.dataSync());
  const info = { t: adam.t, form: adam.form };
  adam.dispose();
  return { got, ...info };
}

describe('flatAdam', () => {
  it('follows Adam over several steps, L2 on masked entries only', () => {
    const start = [0.5, -1, 2, 0];
    const grads = [[0.1, -0.2, 0.3, 1], [0.05, 0.4, -0.3, 1], [-0.2, 0.1, 0.0, 1]];
    const mask = [0.2, 0.2, 0, 0];
    const { got, t, form } = run(start, grads, mask, 0.01);
    adamReference(start, grads, 0.01, mask).forEach((want, i) => expect(got[i]).toBeCloseTo(want, 5));
    expect(t).toBe(3);
    // Off webgpu the ops form runs; the fused kernel is checked in Chromium (tests/e2e/webgpu-adam.spec.ts).
    expect(form).toBe('ops');
  });

  it('matches the reference on a larger seeded case, without L2 as well', () => {
    const { start, grads, mask } = adamCase(257, 6);
    for (const m of [mask, undefined]) {
      const { got } = run(start, grads, m, 0.05);
      const want = adamReference(start, grads, 0.05, m ?? start.map(() => 0));
      want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, 5));
    }
  });

  it('leaves no tensors behind', () => {
    const before = tf.memory().numTensors;
    run([1, 2, 3], [[0.1, 0.2, 0.3]], [0.1, 0.1, 0], 0.01);
    expect(tf.memory().numTensors).toBe(before);
  });
});
