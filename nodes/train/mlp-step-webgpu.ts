// Two links of the MLP's training step as single WebGPU kernels, for the 'fewest-kernels' gradient
// plan on webgpu (mlp-backprop.ts): the output's d(loss)/dz with each row's loss (seven to ten ops
// otherwise), and a hidden layer's delta, dh ⊙ dropout mask ⊙ activation slope (two or three).
// Same arithmetic in the same order as the ops they replace.
import type * as tfjs from '@tensorflow/tfjs';
import type { MlpSpec } from './mlp-layout';
import type { MlpActivation } from './mlp-params';
import type { Tf } from './tf-backend';
import { webgpuElementwise, type ElementwiseKernel } from './webgpu-elementwise';

export interface StepKernels {
  /**
   * For one output unit (sigmoid or linear): d(mean loss)/dz, the residual × (row weight ×) scale,
   * and the batch's summed loss. Undefined for softmax, which the ops handle.
   */
  outputStep(spec: MlpSpec, z: tfjs.Tensor2D, y: tfjs.Tensor2D, w: tfjs.Tensor2D | undefined, scale: number): { dz: tfjs.Tensor2D; lossSum: tfjs.Scalar } | undefined;
  /** dh ⊙ mask ⊙ slope(a), with a the layer's activation output. */
  hiddenDelta(activation: MlpActivation, dh: tfjs.Tensor2D, a: tfjs.Tensor2D, mask: tfjs.Tensor2D | undefined): tfjs.Tensor2D;
}

type Link = 'sigmoid' | 'linear';

// The residual r of one row: p − y for a sigmoid output (tfjs-webgpu's sigmoid: 1 / (1 + exp(−z))), z − y for a linear one.
const residual = (link: Link) =>
  link === 'sigmoid' ? 'let r = 1.0 / (1.0 + exp(-1.0 * Z[index])) - Y[index];' : 'let r = Z[index] - Y[index];';

function deltaKernel(link: Link, weighted: boolean): ElementwiseKernel {
  return {
    key: `mlp_dz_${link}_${weighted ? 'w' : 'plain'}`,
    inputs: weighted ? ['Z', 'Y', 'W'] : ['Z', 'Y'],
    uniforms: ['scale'],
    body: `${residual(link)}
      setOutputAtIndex(index, r * ${weighted ? '(W[index] * uniforms.scale)' : 'uniforms.scale'});`,
  };
}

// Each row's loss: −log(max(1 − |p − y|, 1e−7)) for a sigmoid, r² for a linear output; × weight.
function lossKernel(link: Link, weighted: boolean): ElementwiseKernel {
  const perRow = link === 'sigmoid' ? 'log(max(1.0 - abs(r), f32(1e-7)))' : 'r * r';
  const value = weighted ? `${perRow} * W[index]` : perRow;
  return {
    key: `mlp_loss_${link}_${weighted ? 'w' : 'plain'}`,
    inputs: weighted ? ['Z', 'Y', 'W'] : ['Z', 'Y'],
    body: `${residual(link)}
      setOutputAtIndex(index, ${link === 'sigmoid' ? `-(${value})` : value});`,
  };
}

const SLOPE: Record<MlpActivation, string> = {
  relu: 'select(0.0, 1.0, a > 0.0)',
  tanh: '(1.0 - a * a)',
  sigmoid: '(a * (1.0 - a))',
};

function hiddenKernel(activation: MlpActivation, masked: boolean): ElementwiseKernel {
  return {
    key: `mlp_hidden_${activation}_${masked ? 'mask' : 'plain'}`,
    inputs: masked ? ['DH', 'A', 'M'] : ['DH', 'A'],
    body: `let a = A[index];
      setOutputAtIndex(index, ${masked ? '(DH[index] * M[index])' : 'DH[index]'} * ${SLOPE[activation]});`,
  };
}

/** The kernels when TF.js runs on webgpu, else undefined. Call their functions inside tf.tidy. */
export function webgpuStepKernels(tf: Tf): StepKernels | undefined {
  const run = webgpuElementwise(tf);
  if (!run) return undefined;
  return {
    outputStep(spec, z, y, w, scale) {
      if (spec.output === 'softmax') return undefined;
      const link: Link = spec.output;
      const inputs = w ? [z, y, w] : [z, y];
      const dz = run(deltaKernel(link, w !== undefined), z.shape, inputs, [scale]) as tfjs.Tensor2D;
      const lossSum = tf.sum(run(lossKernel(link, w !== undefined), z.shape, inputs)) as tfjs.Scalar;
      return { dz, lossSum };
    },
    hiddenDelta(activation, dh, a, mask) {
      return run(hiddenKernel(activation, mask !== undefined), dh.shape, mask ? [dh, a, mask] : [dh, a]) as tfjs.Tensor2D;
    },
  };
}
