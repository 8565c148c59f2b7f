// Elementwise WGSL kernels for TF.js's webgpu backend (4.22), used by the MLP's training step where
// one kernel replaces a chain of TF.js ops: on a GPU each op is a dispatch whose fixed cost
// outweighs the arithmetic of a small network. A kernel goes through the backend's public
// runWebGPUProgram, which declares the inputs by name (read-only storage arrays), the uniforms
// (the shapes, `size`, and any declared here) and the setOutputAtIndex helper the code calls.
// Only types are imported from tfjs-backend-webgpu, so the server never loads that package.
import type * as tfjs from '@tensorflow/tfjs';
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import type { Tf } from './tf-backend';

export interface ElementwiseKernel {
  /** Part of the shader cache key: one per distinct `body`. */
  key: string;
  /** Input names in order, as the body reads them (e.g. S[j]). */
  inputs: readonly string[];
  /** Float uniforms, read as uniforms.<name>. */
  uniforms?: readonly string[];
  /** WGSL run for each output index `index` (i32), ending in setOutputAtIndex(index, value). */
  body: string;
}

export type RunElementwise = (
  kernel: ElementwiseKernel,
  outputShape: number[],
  inputs: readonly tfjs.Tensor[],
  uniforms?: readonly number[],
) => tfjs.Tensor;

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
export const f32 = (x: number) => `f32(${x.toExponential()})`;

class ElementwiseProgram implements WebGPUProgram {
  variableNames: string[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [WORKGROUP, 1, 1];
  size = true;
  uniforms?: string;

  constructor(
    private readonly kernel: ElementwiseKernel,
    public outputShape: number[],
  ) {
    this.variableNames = [...kernel.inputs];
    this.shaderKey = `pipeworks_${kernel.key}`;
    this.dispatchLayout = { x: outputShape.map((_, i) => i) };
    const size = outputShape.reduce((a, b) => a * b, 1);
    this.dispatch = [Math.ceil(size / WORKGROUP), 1, 1];
    if (kernel.uniforms?.length) this.uniforms = kernel.uniforms.map((u) => `${u} : f32,`).join(' ');
  }

  getUserCode(): string {
    return `
      fn main(index : i32) {
        if (index < uniforms.size) {
          ${this.kernel.body}
        }
      }
    `;
  }
}

/** A runner of elementwise kernels when TF.js runs on webgpu, else undefined (use TF.js ops). */
export function webgpuElementwise(tf: Tf): RunElementwise | undefined {
  if (tf.getBackend() !== 'webgpu') return undefined;
  const backend = tf.backend() as unknown as Partial<WebGpuRunner>;
  if (typeof backend.runWebGPUProgram !== 'function') return undefined;
  const runner = backend as WebGpuRunner;
  return (kernel, outputShape, inputs, uniforms = []) => {
    if (inputs.length !== kernel.inputs.length) throw new Error(`Kernel ${kernel.key} takes ${kernel.inputs.length} inputs, got ${inputs.length}`);
    const program = new ElementwiseProgram(kernel, outputShape);
    const out = runner.runWebGPUProgram(
      program,
      [...inputs],
      'float32',
      uniforms.map((u) => ({ type: 'float32' as const, data: [u] })),
    );
    return tf.engine().makeTensorFromTensorInfo(out);
  };
}
