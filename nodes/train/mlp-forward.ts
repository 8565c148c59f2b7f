// The MLP's forward pass in TF.js ops, shared by training (which keeps the activations for the
// backward pass) and prediction. Matmuls stay untransposed on purpose: the wasm backend sends any
// transposed matmul to a naive loop about ten times slower than its XNNPACK path.
import type * as tfjs from '@tensorflow/tfjs';
import type { LayerSlot, MlpSpec } from './mlp-layout';
import type { MlpActivation } from './mlp-params';
import type { Tf } from './tf-backend';

export interface LayerParams {
  W: tfjs.Tensor2D;
  b: tfjs.Tensor1D;
}

/** Views of the flat parameter vector as per-layer tensors (slices: cheap copies). */
export function unpackParams(tf: Tf, theta: tfjs.Tensor1D, slots: readonly LayerSlot[]): LayerParams[] {
  return slots.map((s) => ({
    W: tf.reshape(tf.slice(theta, s.wOffset, s.fanIn * s.units), [s.fanIn, s.units]) as tfjs.Tensor2D,
    b: tf.slice(theta, s.bOffset, s.units) as tfjs.Tensor1D,
  }));
}

/** One hidden layer. Only relu is fused into the matmul: wasm does not apply fused sigmoid or tanh. */
export function hiddenLayer(tf: Tf, h: tfjs.Tensor2D, p: LayerParams, activation: MlpActivation): tfjs.Tensor2D {
  if (activation === 'relu') return tf.fused.matMul({ a: h, b: p.W, bias: p.b, activation: 'relu' }) as tfjs.Tensor2D;
  const z = tf.fused.matMul({ a: h, b: p.W, bias: p.b });
  return (activation === 'tanh' ? tf.tanh(z) : tf.sigmoid(z)) as tfjs.Tensor2D;
}

export function outputLogits(tf: Tf, h: tfjs.Tensor2D, p: LayerParams): tfjs.Tensor2D {
  return tf.fused.matMul({ a: h, b: p.W, bias: p.b }) as tfjs.Tensor2D;
}

/** The output unit's link: probabilities for classifiers, the (standardised) value for regression. */
export function applyOutput(tf: Tf, z: tfjs.Tensor2D, spec: MlpSpec): tfjs.Tensor2D {
  if (spec.output === 'sigmoid') return tf.sigmoid(z);
  if (spec.output === 'softmax') return tf.softmax(z);
  return z;
}

/** Outputs for x (n × inputs), n × outputs; call inside tf.tidy. */
export function forward(tf: Tf, spec: MlpSpec, layers: readonly LayerParams[], x: tfjs.Tensor2D): tfjs.Tensor2D {
  let h = x;
  for (let l = 0; l < layers.length - 1; l++) h = hiddenLayer(tf, h, layers[l], spec.activation);
  return applyOutput(tf, outputLogits(tf, h, layers[layers.length - 1]), spec);
}

const CHUNK_ROWS = 16_384;

/** Outputs for every row of a row-major float32 matrix, in chunks to bound backend memory. */
export async function predictRows(
  tf: Tf,
  spec: MlpSpec,
  theta: tfjs.Tensor1D,
  slots: readonly LayerSlot[],
  x: Float32Array,
  rows: number,
): Promise<Float32Array> {
  const out = new Float32Array(rows * spec.outputs);
  for (let start = 0; start < rows; start += CHUNK_ROWS) {
    const n = Math.min(CHUNK_ROWS, rows - start);
    const y = tf.tidy(() => {
      const chunk = tf.tensor2d(x.subarray(start * spec.inputs, (start + n) * spec.inputs), [n, spec.inputs]);
      return forward(tf, spec, unpackParams(tf, theta, slots), chunk);
    });
    out.set(await y.data(), start * spec.outputs);
    y.dispose();
  }
  return out;
}
