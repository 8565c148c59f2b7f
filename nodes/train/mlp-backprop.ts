// One minibatch's gradient of the MLP, written out by hand instead of through tf.grad: the
// automatic backward pass of matMul uses transposed matmuls, which the wasm backend runs in a
// naive loop (2.3 ms against 0.2 ms for 2048 × 64 here). Here every big matmul is untransposed:
// layer 1's [dW; db] comes from the batch's ready-made [Xᵀ; 1] and dZ, deeper layers transpose
// only dZ (n × units, small), and bias gradients are dZᵀ·1. A unit test checks it against tf.grad.
//
// GPU backends (webgpu, webgl) get a second arrangement of the same sums: there every op is a kernel
// dispatch whose fixed cost outweighs the arithmetic of a small network (docs/benchmarks.md, the
// H200 figures), and a transposed matmul costs no more than a plain one. So they skip the
// transposes, the [Xᵀ; 1] upload and the per-layer concats; on webgpu the output's residual and
// loss and each hidden layer's delta are single kernels as well (mlp-step-webgpu.ts).
// bench/browser-training.bench.ts counts the dispatches of a step.
import type * as tfjs from '@tensorflow/tfjs';
import type { MlpSpec } from './mlp-layout';
import { hiddenLayer, outputLogits, type LayerParams } from './mlp-forward';
import type { StepKernels } from './mlp-step-webgpu';
import type { Tf } from './tf-backend';

/**
 * 'untransposed': every big matmul untransposed (wasm, cpu). 'fewest-kernels': transposed matmuls
 * and bias gradients as 1ᵀ·dz, for backends where each kernel is a GPU dispatch.
 */
export type GradientPlan = 'untransposed' | 'fewest-kernels';

export function gradientPlanFor(backend: string): GradientPlan {
  return backend === 'webgpu' || backend === 'webgl' ? 'fewest-kernels' : 'untransposed';
}

export interface BatchTensors {
  n: number;
  x: tfjs.Tensor2D;
  /** (inputs + 1) × n: Xᵀ with a row of ones; the 'untransposed' plan's layer-1 operand, else absent. */
  xaT?: tfjs.Tensor2D;
  y: tfjs.Tensor2D;
  /** n × 1 row weights, when rows are weighted. */
  w?: tfjs.Tensor2D;
  /** n × 1 of ones; kept across steps by the caller so wasm reuses its packed operator. */
  ones: tfjs.Tensor2D;
  /** Per hidden layer: n × units of 0 or 1/(1 - dropout); absent without dropout. */
  dropMasks?: tfjs.Tensor2D[];
}

export interface StepResult {
  /** Gradient of the mean batch loss, laid out as the flat parameter vector. */
  grad: tfjs.Tensor1D;
  /** Summed (weighted) loss of the batch's rows, before the L2 term. */
  lossSum: tfjs.Scalar;
}

/**
 * Call inside tf.tidy. A batch without xaT takes the 'fewest-kernels' plan, which uses `kernels`
 * (the webgpu step kernels) where given.
 */
export function batchGradient(tf: Tf, spec: MlpSpec, layers: readonly LayerParams[], batch: BatchTensors, kernels?: StepKernels): StepResult {
  const L = layers.length;
  // Forward, keeping each hidden layer's activation (a) and what the next layer reads (h, after dropout).
  const acts: tfjs.Tensor2D[] = [];
  const inputs: tfjs.Tensor2D[] = [batch.x];
  for (let l = 0; l < L - 1; l++) {
    const a = hiddenLayer(tf, inputs[l], layers[l], spec.activation);
    acts.push(a);
    inputs.push(batch.dropMasks ? tf.mul(a, batch.dropMasks[l]) : a);
  }
  const z = outputLogits(tf, inputs[L - 1], layers[L - 1]);
  // d(mean loss)/dz: the residual, weighted per row, over n (× 2 for squared error).
  const scale = (spec.output === 'linear' ? 2 : 1) / batch.n;
  const fused = batch.xaT ? undefined : kernels?.outputStep(spec, z, batch.y, batch.w, scale);
  let dz: tfjs.Tensor2D;
  let lossSum: tfjs.Scalar;
  if (fused) {
    ({ dz, lossSum } = fused);
  } else {
    const out = outputResidual(tf, spec, z, batch);
    lossSum = out.lossSum;
    dz = batch.w ? tf.mul(out.residual, tf.mul(batch.w, scale)) : tf.mul(out.residual, scale);
  }
  if (!batch.xaT) return { grad: fewestKernelsBackward(tf, spec, layers, batch, inputs, acts, dz, kernels), lossSum };

  const pieces: tfjs.Tensor[] = new Array(L);
  for (let l = L - 1; l >= 1; l--) {
    const units = layers[l].b.shape[0];
    const dzT = units === 1 ? tf.reshape(dz, [1, batch.n]) : tf.transpose(dz);
    const dWT = tf.matMul(dzT as tfjs.Tensor2D, inputs[l]); // units × fanIn
    const dW = units === 1 ? tf.reshape(dWT, [-1]) : tf.reshape(tf.transpose(dWT), [-1]);
    const db = tf.reshape(tf.matMul(dzT as tfjs.Tensor2D, batch.ones), [-1]);
    pieces[l] = tf.concat([dW, db]);
    let dh = tf.matMul(dz, tf.transpose(layers[l].W)); // n × fanIn
    if (batch.dropMasks) dh = tf.mul(dh, batch.dropMasks[l - 1]);
    dz = tf.mul(dh, activationSlope(tf, acts[l - 1], spec));
  }
  pieces[0] = tf.reshape(tf.matMul(batch.xaT, dz), [-1]); // [dW1; db1], already in flat order
  return { grad: tf.concat(pieces) as tfjs.Tensor1D, lossSum };
}

/** The 'fewest-kernels' backward pass: dW = hᵀ·dz in flat (row-major) order, db = 1ᵀ·dz. */
function fewestKernelsBackward(
  tf: Tf,
  spec: MlpSpec,
  layers: readonly LayerParams[],
  batch: BatchTensors,
  inputs: readonly tfjs.Tensor2D[],
  acts: readonly tfjs.Tensor2D[],
  dzOut: tfjs.Tensor2D,
  kernels: StepKernels | undefined,
): tfjs.Tensor1D {
  const pieces: tfjs.Tensor[] = new Array(2 * layers.length);
  let dz = dzOut;
  for (let l = layers.length - 1; l >= 0; l--) {
    pieces[2 * l] = tf.reshape(tf.matMul(inputs[l], dz, true, false), [-1]);
    pieces[2 * l + 1] = tf.reshape(tf.matMul(batch.ones, dz, true, false), [-1]); // a column sum would transpose first
    if (l === 0) break;
    let dh = tf.matMul(dz, layers[l].W, false, true) as tfjs.Tensor2D; // n × fanIn
    if (kernels) {
      dz = kernels.hiddenDelta(spec.activation, dh, acts[l - 1], batch.dropMasks?.[l - 1]);
      continue;
    }
    if (batch.dropMasks) dh = tf.mul(dh, batch.dropMasks[l - 1]);
    dz = tf.mul(dh, activationSlope(tf, acts[l - 1], spec));
  }
  return tf.concat(pieces) as tfjs.Tensor1D;
}

/** The activation's derivative, from its output a. */
function activationSlope(tf: Tf, a: tfjs.Tensor2D, spec: MlpSpec): tfjs.Tensor2D {
  if (spec.activation === 'relu') return tf.step(a);
  if (spec.activation === 'tanh') return tf.sub(1, tf.square(a));
  return tf.mul(a, tf.sub(1, a));
}

/** The output's residual (d loss / d logit per row) and the batch's summed loss. */
function outputResidual(
  tf: Tf,
  spec: MlpSpec,
  z: tfjs.Tensor2D,
  batch: BatchTensors,
): { residual: tfjs.Tensor2D; lossSum: tfjs.Scalar } {
  const weigh = (perRow: tfjs.Tensor): tfjs.Scalar => tf.sum(batch.w ? tf.mul(perRow, batch.w) : perRow);
  if (spec.output === 'linear') {
    const residual = tf.sub(z, batch.y) as tfjs.Tensor2D;
    return { residual, lossSum: weigh(tf.square(residual)) };
  }
  const p = spec.output === 'sigmoid' ? tf.sigmoid(z) : tf.softmax(z);
  const residual = tf.sub(p, batch.y) as tfjs.Tensor2D;
  // The probability given to the true class: 1 - |p - y| for a sigmoid, Σ p·y for a softmax.
  const pTrue =
    spec.output === 'sigmoid' ? tf.sub(1, tf.abs(residual)) : tf.sum(tf.mul(p, batch.y), 1, true);
  return { residual, lossSum: tf.neg(weigh(tf.log(tf.maximum(pTrue, 1e-7)))) };
}
