// The Adam step as one WebGPU kernel, for TF.js's webgpu backend (4.22). The state is one 3 × P
// tensor (parameters, first moment, second moment); one dispatch reads it with the gradient and
// writes the next state, doing in one pass what the ops form does in a dozen. It goes through the
// backend's public runWebGPUProgram, which adds the uniforms (outShape, size), the bindings
// (result, then the inputs by name) and the setOutputAtIndex helper this code relies on. Only
// types are imported from tfjs-backend-webgpu, so the server never loads that package.
import type * as tfjs from '@tensorflow/tfjs';
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import type { Tf } from './tf-backend';

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

interface WebGpuRunner {
  runWebGPUProgram(
    program: WebGPUProgram,
    inputs: tfjs.TensorInfo[],
    outputDtype: 'float32',
    uniforms?: { type: 'float32' | 'int32'; data: number[] }[],
  ): tfjs.TensorInfo;
}

const WORKGROUP = 64;

/** A float constant as a WGSL f32 literal. */
const f32 = (x: number) => `f32(${x.toExponential()})`;

class FusedAdamProgram implements WebGPUProgram {
  variableNames: string[];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout = { x: [0, 1] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [WORKGROUP, 1, 1];
  size = true;
  uniforms = 'stepSize : f32,';

  constructor(
    params: number,
    private readonly withL2: boolean,
    private readonly c: AdamConstants,
  ) {
    this.outputShape = [3, params];
    this.variableNames = withL2 ? ['S', 'G', 'L'] : ['S', 'G'];
    this.shaderKey = `pipeworks_adam_${withL2 ? 'l2' : 'plain'}`;
    this.dispatch = [Math.ceil((3 * params) / WORKGROUP), 1, 1];
  }

  getUserCode(): string {
    return `
      fn main(index : i32) {
        if (index < uniforms.size) {
          let p = uniforms.outShape[1];
          let row = index / p;
          let j = index - row * p;
          let theta = S[j];
          var g = G[j];
          ${this.withL2 ? 'g = g + theta * L[j];' : ''}
          let m = S[p + j] * ${f32(this.c.beta1)} + g * ${f32(1 - this.c.beta1)};
          let v = S[2 * p + j] * ${f32(this.c.beta2)} + (g * g) * ${f32(1 - this.c.beta2)};
          var value = m;
          if (row == 0) {
            value = theta - (m / (sqrt(v) + ${f32(this.c.epsilon)})) * uniforms.stepSize;
          } else if (row == 2) {
            value = v;
          }
          setOutputAtIndex(index, value);
        }
      }
    `;
  }
}

/** The kernel when TF.js runs on webgpu, else undefined (the caller uses the ops form). */
export function fusedAdamKernel(tf: Tf, constants: AdamConstants): FusedAdamKernel | undefined {
  if (tf.getBackend() !== 'webgpu') return undefined;
  const backend = tf.backend() as unknown as Partial<WebGpuRunner>;
  if (typeof backend.runWebGPUProgram !== 'function') return undefined;
  const runner = backend as WebGpuRunner;
  return (state, grad, l2Mask, stepSize) => {
    const program = new FusedAdamProgram(state.shape[1], l2Mask !== undefined, constants);
    const inputs = l2Mask ? [state, grad, l2Mask] : [state, grad];
    const out = runner.runWebGPUProgram(program, inputs, 'float32', [{ type: 'float32', data: [stepSize] }]);
    return tf.engine().makeTensorFromTensorInfo(out) as tfjs.Tensor2D;
  };
}
