// A known-answer check of the MLP's WebGPU kernels, once per backend, before training uses them:
// a kernel that a browser's shader compiler rejects (the error goes to the device, not to the
// caller) or computes wrongly would otherwise leave zeros or garbage in the weights, silently.
// The check runs the fused Adam step and the step kernels on small fixed inputs and compares them
// with the TF.js ops they replace, on the same backend. On a mismatch training uses the ops.
import type * as tfjs from '@tensorflow/tfjs';
import { flatAdam } from './mlp-adam';
import { batchGradient, type BatchTensors } from './mlp-backprop';
import { unpackParams } from './mlp-forward';
import { initialParameters, layerSlots, type MlpSpec } from './mlp-layout';
import { webgpuStepKernels, type StepKernels } from './mlp-step-webgpu';
import type { Tf } from './tf-backend';

const checked = new WeakMap<object, Promise<string | undefined>>();

/** Undefined when the kernels give the ops' answers on this backend, else why not. Cached per backend. */
export function webgpuKernelsProblem(tf: Tf): Promise<string | undefined> {
  const backend = tf.backend() as object;
  let result = checked.get(backend);
  if (!result) {
    result = selfCheck(tf).catch((error: unknown) => `the check failed: ${error instanceof Error ? error.message : String(error)}`);
    checked.set(backend, result);
  }
  return result;
}

const TOLERANCE = 1e-4;

async function selfCheck(tf: Tf): Promise<string | undefined> {
  const kernels = webgpuStepKernels(tf);
  return kernels ? checkKernels(tf, kernels) : 'this backend has no WebGPU kernels';
}

/** The comparison itself, on any backend (tests pass stand-in kernels made of ops). */
export async function checkKernels(tf: Tf, kernels: StepKernels): Promise<string | undefined> {
  const adam = await adamGap(tf);
  if (!(adam <= TOLERANCE)) return `the fused Adam step differs from the ops by ${adam}`;
  const specs: MlpSpec[] = [
    { inputs: 3, hidden: [5, 4], activation: 'relu', outputs: 1, output: 'sigmoid' },
    { inputs: 3, hidden: [4], activation: 'tanh', outputs: 1, output: 'linear' },
    { inputs: 3, hidden: [4], activation: 'sigmoid', outputs: 2, output: 'softmax' },
  ];
  for (const spec of specs) {
    const gap = await gradientGap(tf, spec, kernels);
    if (!(gap <= TOLERANCE)) return `the step kernels' gradient differs from the ops by ${gap} (${spec.activation} units, ${spec.output} output)`;
  }
  return undefined;
}

async function adamGap(tf: Tf): Promise<number> {
  const start = Float32Array.from([0.5, -1, 2, 0, 0.25, -0.75, 1.5]);
  const l2Mask = Float32Array.from([0.1, 0.1, 0.1, 0, 0.1, 0.1, 0]);
  const grads = [
    [0.1, -0.2, 0.3, 1, -0.5, 0.05, 0.2],
    [0.05, 0.4, -0.3, 1, 0.25, -0.1, 0.3],
  ];
  const thetas: Float32Array[] = [];
  for (const form of ['auto', 'ops'] as const) {
    const adam = flatAdam(tf, start, { learningRate: 0.1, l2Mask, form });
    try {
      for (const g of grads) {
        const grad = tf.tensor1d(g);
        adam.step(grad);
        grad.dispose();
      }
      thetas.push((await adam.theta.data()) as Float32Array);
    } finally {
      adam.dispose();
    }
  }
  return maxRelativeGap(thetas[0], thetas[1]);
}

async function gradientGap(tf: Tf, spec: MlpSpec, kernels: StepKernels): Promise<number> {
  const n = 6;
  const x = Array.from({ length: n * spec.inputs }, (_, i) => Math.sin(i + 1));
  const y = Array.from({ length: n * spec.outputs }, (_, i) => (spec.output === 'linear' ? Math.cos(i) : (i * 7) % 3 === 0 ? 1 : 0));
  const batch: BatchTensors = {
    n,
    x: tf.tensor2d(x, [n, spec.inputs]),
    y: tf.tensor2d(y, [n, spec.outputs]),
    ones: tf.ones([n, 1]),
    w: tf.tensor2d(Array.from({ length: n }, (_, k) => 0.5 + (k % 3)), [n, 1]),
    dropMasks: spec.hidden.map((units) => tf.tensor2d(Array.from({ length: n * units }, (_, i) => (i % 4 === 0 ? 0 : 1.25)), [n, units])),
  };
  const theta = tf.tensor1d(initialParameters(spec, 7));
  try {
    const grads: Float32Array[] = [];
    for (const k of [kernels, undefined]) {
      const grad = tf.tidy(() => batchGradient(tf, spec, unpackParams(tf, theta, layerSlots(spec)), batch, k).grad);
      grads.push((await grad.data()) as Float32Array);
      grad.dispose();
    }
    return maxRelativeGap(grads[0], grads[1]);
  } finally {
    tf.dispose([theta, batch.x, batch.y, batch.ones, batch.w!, ...(batch.dropMasks as tfjs.Tensor[])]);
  }
}

/** The largest gap over the largest magnitude; NaN anywhere gives NaN (which fails the check). */
function maxRelativeGap(a: Float32Array, b: Float32Array): number {
  let gap = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    gap = Math.max(gap, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
    if (Number.isNaN(a[i]) || Number.isNaN(b[i])) return NaN;
  }
  if (a.length !== b.length || scale === 0) return NaN;
  return gap / scale;
}
