import type * as tfjs from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../split/prng';
import { batchGradient, gradientPlanFor, type BatchTensors } from './mlp-backprop';
import { forward, outputLogits, hiddenLayer, unpackParams } from './mlp-forward';
import { initialParameters, layerSlots, type MlpSpec } from './mlp-layout';
import { TEST_ML } from './mlp-test-kit';
import { dropMask } from './mlp-train';
import { initTf, type Tf } from './tf-backend';

let tf: Tf;
beforeAll(async () => {
  ({ tf } = await initTf(TEST_ML));
});

const n = 9;
const inputs = 3;

function batchFor(spec: MlpSpec, opts: { weighted?: boolean; dropout?: number }): BatchTensors {
  const prng = mulberry32(11);
  const x = Array.from({ length: n * inputs }, () => 2 * prng.next() - 1);
  const xaT: number[] = [];
  for (let c = 0; c < inputs; c++) for (let k = 0; k < n; k++) xaT.push(x[k * inputs + c]);
  for (let k = 0; k < n; k++) xaT.push(1);
  const y: number[] = [];
  for (let k = 0; k < n; k++) {
    if (spec.output === 'linear') y.push(3 * prng.next() - 1);
    else if (spec.outputs === 1) y.push(k % 2);
    else for (let o = 0; o < spec.outputs; o++) y.push(o === k % spec.outputs ? 1 : 0);
  }
  const batch: BatchTensors = {
    n,
    x: tf.tensor2d(x, [n, inputs]),
    xaT: tf.tensor2d(xaT, [inputs + 1, n]),
    y: tf.tensor2d(y, [n, spec.outputs]),
    ones: tf.ones([n, 1]),
  };
  if (opts.weighted) batch.w = tf.tensor2d(Array.from({ length: n }, (_, k) => 0.5 + (k % 3)), [n, 1]);
  if (opts.dropout) {
    batch.dropMasks = spec.hidden.map((units) => tf.tensor2d(dropMask(n * units, opts.dropout!, prng), [n, units]));
  }
  return batch;
}

/** The same mean batch loss written plainly, for tf.grad to differentiate. */
function referenceLoss(spec: MlpSpec, theta: tfjs.Tensor1D, b: BatchTensors): tfjs.Scalar {
  const layers = unpackParams(tf, theta, layerSlots(spec));
  let h = b.x;
  for (let l = 0; l < layers.length - 1; l++) {
    h = hiddenLayer(tf, h, layers[l], spec.activation);
    if (b.dropMasks) h = tf.mul(h, b.dropMasks[l]);
  }
  const z = outputLogits(tf, h, layers[layers.length - 1]);
  let perRow: tfjs.Tensor;
  if (spec.output === 'linear') perRow = tf.square(tf.sub(z, b.y));
  else if (spec.output === 'sigmoid') perRow = tf.losses.sigmoidCrossEntropy(b.y, z, undefined, 0, tf.Reduction.NONE);
  else perRow = tf.losses.softmaxCrossEntropy(b.y, z, undefined, 0, tf.Reduction.NONE);
  perRow = tf.reshape(perRow, [n, 1]);
  return tf.div(tf.sum(b.w ? tf.mul(perRow, b.w) : perRow), n) as tfjs.Scalar;
}

const cases: { name: string; spec: MlpSpec; weighted?: boolean; dropout?: number }[] = [
  { name: 'binary, relu', spec: { inputs, hidden: [5, 4], activation: 'relu', outputs: 1, output: 'sigmoid' } },
  { name: 'binary, tanh, weighted', spec: { inputs, hidden: [4], activation: 'tanh', outputs: 1, output: 'sigmoid' }, weighted: true },
  { name: '3 classes, sigmoid units', spec: { inputs, hidden: [6, 3], activation: 'sigmoid', outputs: 3, output: 'softmax' } },
  { name: '3 classes, relu, weighted, dropout', spec: { inputs, hidden: [6, 5], activation: 'relu', outputs: 3, output: 'softmax' }, weighted: true, dropout: 0.3 },
  { name: 'regression, tanh, dropout', spec: { inputs, hidden: [4, 4, 3], activation: 'tanh', outputs: 1, output: 'linear' }, dropout: 0.25 },
];

describe('batchGradient (hand-written backward pass)', () => {
  for (const [c, plan] of cases.flatMap((c) => (['untransposed', 'fewest-kernels'] as const).map((p) => [c, p] as const))) {
    it(`matches tf.grad and the batch loss: ${c.name}, ${plan}`, () => {
      const theta = tf.tensor1d(initialParameters(c.spec, 3));
      const full = batchFor(c.spec, c);
      // The GPU plan's batch carries no [Xᵀ; 1].
      const b: BatchTensors = plan === 'untransposed' ? full : { ...full, xaT: undefined };
      const ours = tf.tidy(() => {
        const step = batchGradient(tf, c.spec, unpackParams(tf, theta, layerSlots(c.spec)), b);
        return [step.grad, step.lossSum];
      });
      const [grad, lossSum] = ours.map((t) => Array.from(t.dataSync()));
      const expected = tf.tidy(() => tf.grad((t: tfjs.Tensor) => referenceLoss(c.spec, t as tfjs.Tensor1D, b))(theta));
      const expectedLoss = tf.tidy(() => referenceLoss(c.spec, theta, b)).dataSync()[0];
      expect(grad).toHaveLength(theta.size);
      const want = Array.from(expected.dataSync());
      grad.forEach((g, i) => expect(g).toBeCloseTo(want[i], 5));
      expect(want.some((g) => Math.abs(g) > 1e-3)).toBe(true);
      expect(lossSum[0] / n).toBeCloseTo(expectedLoss, 5);
      tf.dispose([theta, expected, ...ours, full.x, full.xaT!, full.y, full.ones, ...(b.w ? [b.w] : []), ...(b.dropMasks ?? [])]);
    });
  }

  it('GPU backends get the fewest-kernels plan, the CPU ones the untransposed plan', () => {
    expect(gradientPlanFor('webgpu')).toBe('fewest-kernels');
    expect(gradientPlanFor('webgl')).toBe('fewest-kernels');
    expect(gradientPlanFor('wasm')).toBe('untransposed');
    expect(gradientPlanFor('cpu')).toBe('untransposed');
  });

  it('forward gives probabilities that sum to one for softmax', () => {
    const spec: MlpSpec = { inputs, hidden: [4], activation: 'relu', outputs: 3, output: 'softmax' };
    const theta = tf.tensor1d(initialParameters(spec, 5));
    const b = batchFor(spec, {});
    const p = tf.tidy(() => tf.sum(forward(tf, spec, unpackParams(tf, theta, layerSlots(spec)), b.x), 1));
    for (const s of p.dataSync()) expect(s).toBeCloseTo(1, 5);
    tf.dispose([theta, p, b.x, b.xaT!, b.y, b.ones]);
  });
});
