import type * as tfjs from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StepKernels } from './mlp-step-webgpu';
import { TEST_ML } from './mlp-test-kit';
import { initTf, type Tf } from './tf-backend';
import { checkKernels, webgpuKernelsProblem } from './webgpu-self-check';

let tf: Tf;
beforeAll(async () => {
  ({ tf } = await initTf(TEST_ML));
});

// Stand-ins for the WebGPU step kernels, written with TF.js ops so they run in Node. The real
// kernels are compared in Chromium's WebGPU (tests/e2e/webgpu-kernels.spec.ts).
function opsKernels(slopeFactor = 1): StepKernels {
  return {
    outputStep(spec, z, y, w, scale) {
      if (spec.output === 'softmax') return undefined;
      const r = spec.output === 'sigmoid' ? tf.sub(tf.sigmoid(z), y) : tf.sub(z, y);
      const dz = (w ? tf.mul(r, tf.mul(w, scale)) : tf.mul(r, scale)) as tfjs.Tensor2D;
      const perRow = spec.output === 'sigmoid' ? tf.neg(tf.log(tf.maximum(tf.sub(1, tf.abs(r)), 1e-7))) : tf.square(r);
      return { dz, lossSum: tf.sum(w ? tf.mul(perRow, w) : perRow) as tfjs.Scalar };
    },
    hiddenDelta(activation, dh, a, mask) {
      const d = mask ? tf.mul(dh, mask) : dh;
      const slope = activation === 'relu' ? tf.step(a) : activation === 'tanh' ? tf.sub(1, tf.square(a)) : tf.mul(a, tf.sub(1, a));
      return tf.mul(tf.mul(d, slope), slopeFactor) as tfjs.Tensor2D;
    },
  };
}

describe('the WebGPU kernels self-check', () => {
  it('passes kernels that compute what the ops compute', async () => {
    expect(await checkKernels(tf, opsKernels())).toBeUndefined();
  });

  it('names the part that differs when a kernel is wrong', async () => {
    expect(await checkKernels(tf, opsKernels(1.5))).toMatch(/step kernels' gradient differs from the ops by [\d.e-]+ \(relu units, sigmoid output\)/);
  });

  it('off webgpu, says there are no kernels (training uses the ops)', async () => {
    expect(await webgpuKernelsProblem(tf)).toBe('this backend has no WebGPU kernels');
  });
});
