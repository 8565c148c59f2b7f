// The Adam step as one WebGPU kernel: the state is one 3 × P tensor (parameters, first moment,
// second moment); one dispatch reads it with the gradient and writes the next state, doing in one
// pass what the ops form (mlp-adam.ts) does in a dozen.
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from './tf-backend';
import { f32, webgpuElementwise, type ElementwiseKernel } from './webgpu-elementwise';

/** Next 3 × P state from the state, the gradient, the optional 2·l2 mask and the step size. */
export type FusedAdamKernel = (
  state: tfjs.Tensor2D,
  grad: tfjs.Tensor1D,
  l2Mask: tfjs.Tensor1D | undefined,
  stepSize: number,
) => tfjs.Tensor2D;

export interface AdamConstants {
  beta1: number;
  beta2: number;
  epsilon: number;
}

function adamKernel(c: AdamConstants, withL2: boolean): ElementwiseKernel {
  return {
    key: `adam_${withL2 ? 'l2' : 'plain'}`,
    inputs: withL2 ? ['S', 'G', 'L'] : ['S', 'G'],
    uniforms: ['stepSize'],
    body: `
      let p = uniforms.outShape[1];
      let row = index / p;
      let j = index - row * p;
      let theta = S[j];
      var g = G[j];
      ${withL2 ? 'g = g + theta * L[j];' : ''}
      let m = S[p + j] * ${f32(c.beta1)} + g * ${f32(1 - c.beta1)};
      let v = S[2 * p + j] * ${f32(c.beta2)} + (g * g) * ${f32(1 - c.beta2)};
      var value = m;
      if (row == 0) {
        value = theta - (m / (sqrt(v) + ${f32(c.epsilon)})) * uniforms.stepSize;
      } else if (row == 2) {
        value = v;
      }
      setOutputAtIndex(index, value);`,
  };
}

/** The kernel when TF.js runs on webgpu, else undefined (the caller uses the ops form). */
export function fusedAdamKernel(tf: Tf, constants: AdamConstants): FusedAdamKernel | undefined {
  const run = webgpuElementwise(tf);
  if (!run) return undefined;
  const kernels = { plain: adamKernel(constants, false), l2: adamKernel(constants, true) };
  return (state, grad, l2Mask, stepSize) =>
    run(l2Mask ? kernels.l2 : kernels.plain, state.shape, l2Mask ? [state, grad, l2Mask] : [state, grad], [stepSize]) as tfjs.Tensor2D;
}
