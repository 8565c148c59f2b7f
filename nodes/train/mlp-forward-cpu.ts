// The MLP's forward pass in plain JavaScript, for scoring a few rows at a time: a one-row request
// to TF.js costs a tensor upload and a kernel dispatch per op, far more than the arithmetic of a
// small network. Same layout and outputs as predictMlp (mlp-estimator.ts), computed in float64 on
// the float32 weights; serving checks it against predictMlp before using it (server/serving).
import { assertNever } from '../../engine/assert-never';
import type { Matrix } from './estimator';
import { layerSlots } from './mlp-layout';
import type { MlpActivation } from './mlp-params';
import type { MlpModel } from './mlp-payload';

/** Classifiers: rows × classes probabilities (two columns for binary); regression: rows × 1. */
export function mlpForwardCpu(model: MlpModel, X: Matrix): Float64Array {
  return compileMlpForward(model)(X);
}

interface CompiledLayer {
  fanIn: number;
  units: number;
  /** W transposed (units × fanIn), in float64: each unit's weights contiguous. */
  weights: Float64Array;
  biases: Float64Array;
}

/**
 * The forward pass with the layout work done once per model: serving calls it per request, where
 * slicing the flat vector and its float32 → float64 reads per call cost more than the arithmetic.
 * Sums run over the inputs in the same order as before, so results are bit-identical.
 */
export function compileMlpForward(model: MlpModel): (X: Matrix) => Float64Array {
  const { spec, theta } = model;
  const layers: CompiledLayer[] = layerSlots(spec).map((s) => {
    const weights = new Float64Array(s.units * s.fanIn);
    for (let u = 0; u < s.units; u++) for (let i = 0; i < s.fanIn; i++) weights[u * s.fanIn + i] = theta[s.wOffset + i * s.units + u];
    return { fanIn: s.fanIn, units: s.units, weights, biases: Float64Array.from(theta.subarray(s.bOffset, s.bOffset + s.units)) };
  });
  const width = spec.output === 'sigmoid' ? 2 : spec.outputs;
  const widest = Math.max(spec.inputs, ...spec.hidden, spec.outputs);
  const activation = spec.activation;
  // The hidden activations are scratch, reused by every call (the pass is synchronous); only the
  // answer is a new array, since callers keep it.
  const scratchA = new Float64Array(widest);
  const scratchB = new Float64Array(widest);
  return (X) => {
    if (X.cols !== spec.inputs) throw new Error(`The MLP expects ${spec.inputs} features, got ${X.cols}`);
    const out = new Float64Array(X.rows * width);
    let h = scratchA;
    let next = scratchB;
    for (let r = 0; r < X.rows; r++) {
      for (let j = 0; j < spec.inputs; j++) h[j] = X.data[r * X.cols + j];
      for (let l = 0; l < layers.length; l++) {
        const { fanIn, units, weights, biases } = layers[l];
        const last = l === layers.length - 1;
        // Eight units at a time: eight independent sums, so each addition need not wait for the
        // one before it (one chain of dependent additions was most of the pass's time), and each
        // h[i] is read once for eight. Each unit still sums in input order: results stay bit-identical.
        let u = 0;
        for (; u + 8 <= units; u += 8) {
          let z0 = biases[u];
          let z1 = biases[u + 1];
          let z2 = biases[u + 2];
          let z3 = biases[u + 3];
          let z4 = biases[u + 4];
          let z5 = biases[u + 5];
          let z6 = biases[u + 6];
          let z7 = biases[u + 7];
          const row = u * fanIn;
          for (let i = 0; i < fanIn; i++) {
            const x = h[i];
            const w = row + i;
            z0 += x * weights[w];
            z1 += x * weights[w + fanIn];
            z2 += x * weights[w + 2 * fanIn];
            z3 += x * weights[w + 3 * fanIn];
            z4 += x * weights[w + 4 * fanIn];
            z5 += x * weights[w + 5 * fanIn];
            z6 += x * weights[w + 6 * fanIn];
            z7 += x * weights[w + 7 * fanIn];
          }
          next[u] = last ? z0 : activate(activation, z0);
          next[u + 1] = last ? z1 : activate(activation, z1);
          next[u + 2] = last ? z2 : activate(activation, z2);
          next[u + 3] = last ? z3 : activate(activation, z3);
          next[u + 4] = last ? z4 : activate(activation, z4);
          next[u + 5] = last ? z5 : activate(activation, z5);
          next[u + 6] = last ? z6 : activate(activation, z6);
          next[u + 7] = last ? z7 : activate(activation, z7);
        }
        for (; u < units; u++) {
          let z = biases[u];
          const row = u * fanIn;
          for (let i = 0; i < fanIn; i++) z += h[i] * weights[row + i];
          next[u] = last ? z : activate(activation, z);
        }
        const swap = h;
        h = next;
        next = swap;
      }
      writeOutput(model, h, out, r, width);
    }
    return out;
  };
}

function activate(activation: MlpActivation, z: number): number {
  switch (activation) {
    case 'relu':
      return z > 0 ? z : 0;
    case 'tanh':
      return Math.tanh(z);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
    default:
      return assertNever(activation, 'activation');
  }
}

function writeOutput(model: MlpModel, z: Float64Array, out: Float64Array, r: number, width: number): void {
  const { spec, targetScale } = model;
  switch (spec.output) {
    case 'sigmoid': {
      const p = 1 / (1 + Math.exp(-z[0]));
      out[2 * r] = 1 - p;
      out[2 * r + 1] = p;
      return;
    }
    case 'softmax': {
      let max = -Infinity;
      for (let k = 0; k < width; k++) max = Math.max(max, z[k]);
      let sum = 0;
      for (let k = 0; k < width; k++) sum += Math.exp(z[k] - max);
      for (let k = 0; k < width; k++) out[r * width + k] = Math.exp(z[k] - max) / sum;
      return;
    }
    case 'linear':
      out[r] = targetScale ? z[0] * targetScale.std + targetScale.mean : z[0];
      return;
    default:
      assertNever(spec.output, 'output');
  }
}
