// The MLP's training loop: seeded shuffles, minibatch Adam on the flat parameter vector, the loss
// per epoch streamed as progress, early stopping on the validation rows, and cancellation.
//
// Speed (wasm, 80k × 20 rows, 20-64-32-1): tf.LayersModel.fit runs 1.1 s an epoch at batch 256,
// a loop around optimizer.minimize 0.55–0.75 s (autodiff's transposed matmuls dominate), this
// hand-written backward pass with one flat Adam update about 0.15 s at batch 1024. See
// docs/benchmarks.md for the time-to-accuracy figures.
import type * as tfjs from '@tensorflow/tfjs';
import { UserError } from '../../engine/errors';
import { mulberry32, shuffleInPlace, type Prng } from '../split/prng';
import { flatAdam, type FlatAdam } from './mlp-adam';
import { batchGradient, gradientPlanFor, type BatchTensors, type GradientPlan } from './mlp-backprop';
import { predictRows, unpackParams } from './mlp-forward';
import { initialParameters, layerSlots, weightMask, type LayerSlot, type MlpSpec } from './mlp-layout';
import { outputMetrics } from './mlp-metrics';
import type { MlpParams } from './mlp-params';
import { takeBatch, type MlpRows } from './mlp-rows';
import { webgpuStepKernels, type StepKernels } from './mlp-step-webgpu';
import { webgpuKernelsProblem } from './webgpu-self-check';
import type { Tf } from './tf-backend';

export interface EpochRecord {
  epoch: number;
  loss: number;
  valLoss?: number;
  valAccuracy?: number;
}

export interface TrainHooks {
  signal: AbortSignal;
  /** Called after each epoch, with the fraction of the epoch budget done. */
  onEpoch(record: EpochRecord, fraction: number): void;
  /** Told when training takes a slower path than it could (the result is the same). */
  warn?(message: string): void;
}

export interface TrainResult {
  theta: Float32Array;
  history: EpochRecord[];
  /** The epoch whose weights were kept (the last one unless early stopping restored a better one). */
  bestEpoch: number;
  stoppedEarly: boolean;
}

type TrainOptions = Pick<MlpParams, 'dropout' | 'l2' | 'learningRate' | 'epochs' | 'batchSize' | 'patience' | 'minDelta'> & {
  earlyStopping: boolean;
  seed: number;
  /** Multiplies the reported losses of a standardised regression target (std²), so they read in y's units. */
  lossScale?: number;
};

const YIELD_EVERY_MS = 50;

export async function trainMlp(
  tf: Tf,
  spec: MlpSpec,
  data: MlpRows,
  validation: MlpRows | undefined,
  opts: TrainOptions,
  hooks: TrainHooks,
): Promise<TrainResult> {
  const slots = layerSlots(spec);
  const plan = gradientPlanFor(tf.getBackend());
  const kernelProblem = tf.getBackend() === 'webgpu' ? await webgpuKernelsProblem(tf) : 'not on webgpu';
  if (tf.getBackend() === 'webgpu' && kernelProblem) {
    hooks.warn?.(`WebGPU kernels not used (${kernelProblem}): training with TF.js ops, which give the same result with more GPU dispatches`);
  }
  const kernels = kernelProblem ? undefined : webgpuStepKernels(tf);
  const prng = mulberry32(opts.seed);
  const adam = flatAdam(tf, initialParameters(spec, prng.nextUint32()), {
    form: kernelProblem ? 'ops' : 'auto',
    learningRate: opts.learningRate,
    ...(opts.l2 > 0 ? { l2Mask: weightMask(spec).map((w) => w * 2 * opts.l2) } : {}),
  });
  const ones = new Map<number, tfjs.Tensor2D>();
  const order = Int32Array.from({ length: data.rows }, (_, i) => i);
  const history: EpochRecord[] = [];
  const lossScale = opts.lossScale ?? 1;
  let best = { loss: Infinity, epoch: 0, theta: undefined as Float32Array | undefined };
  let stoppedEarly = false;
  let lastYield = performance.now();
  let lossTotal: tfjs.Scalar | undefined;
  try {
    for (let epoch = 1; epoch <= opts.epochs; epoch++) {
      shuffleInPlace(order, prng);
      lossTotal = tf.scalar(0);
      for (let start = 0; start < data.rows; start += opts.batchSize) {
        if (performance.now() - lastYield > YIELD_EVERY_MS) {
          await new Promise((resolve) => setTimeout(resolve, 0)); // lets an abort message arrive
          lastYield = performance.now();
        }
        hooks.signal.throwIfAborted();
        const n = Math.min(opts.batchSize, data.rows - start);
        const batch = batchTensors(tf, spec, plan, data, order, start, n, ones, opts.dropout, prng);
        const total = trainStep(tf, spec, slots, adam, batch, lossTotal, kernels);
        lossTotal.dispose();
        lossTotal = total;
      }
      const record: EpochRecord = { epoch, loss: ((await lossTotal.data())[0] / data.rows) * lossScale };
      lossTotal.dispose();
      lossTotal = undefined;
      if (!Number.isFinite(record.loss)) {
        throw new UserError(
          `Training diverged: the loss of epoch ${epoch} is ${record.loss}; lower the learning rate or scale the features`,
          { field: 'learningRate' },
        );
      }
      if (validation) {
        const out = await predictRows(tf, spec, adam.theta, slots, validation.x, validation.rows);
        const m = outputMetrics(out, validation, spec.output);
        record.valLoss = m.loss * lossScale;
        if (m.accuracy !== undefined) record.valAccuracy = m.accuracy;
      }
      history.push(record);
      hooks.onEpoch(record, epoch / opts.epochs);
      if (!validation || !opts.earlyStopping) continue;
      if (record.valLoss! < best.loss - opts.minDelta) {
        best = { loss: record.valLoss!, epoch, theta: ((await adam.theta.data()) as Float32Array).slice() };
      } else if (epoch - best.epoch >= opts.patience) {
        stoppedEarly = true;
        break;
      }
    }
    const keepBest = best.theta !== undefined && best.epoch !== history.length;
    return {
      theta: keepBest ? best.theta! : ((await adam.theta.data()) as Float32Array).slice(),
      history,
      bestEpoch: keepBest ? best.epoch : history.length,
      stoppedEarly,
    };
  } finally {
    adam.dispose();
    tf.dispose([...(lossTotal ? [lossTotal] : []), ...ones.values()]);
  }
}

/** One Adam step on one batch, returning the new loss total; the batch's tensors are disposed whatever happens. */
function trainStep(
  tf: Tf,
  spec: MlpSpec,
  slots: LayerSlot[],
  adam: FlatAdam,
  batch: BatchTensors,
  lossTotal: tfjs.Scalar,
  kernels: StepKernels | undefined,
): tfjs.Scalar {
  try {
    const [grad, lossSum] = tf.tidy(() => {
      const step = batchGradient(tf, spec, unpackParams(tf, adam.theta, slots), batch, kernels);
      return [step.grad, step.lossSum];
    }) as [tfjs.Tensor1D, tfjs.Scalar];
    adam.step(grad);
    const total = tf.add(lossTotal, lossSum) as tfjs.Scalar;
    tf.dispose([grad, lossSum]);
    return total;
  } finally {
    tf.dispose([batch.x, batch.y, ...(batch.xaT ? [batch.xaT] : []), ...(batch.w ? [batch.w] : []), ...(batch.dropMasks ?? [])]);
  }
}

function batchTensors(
  tf: Tf,
  spec: MlpSpec,
  plan: GradientPlan,
  data: MlpRows,
  order: Int32Array,
  start: number,
  n: number,
  ones: Map<number, tfjs.Tensor2D>,
  dropout: number,
  prng: Prng,
): BatchTensors {
  const b = takeBatch(data, order, start, n, plan === 'untransposed');
  if (!ones.has(n)) ones.set(n, tf.ones([n, 1]));
  const batch: BatchTensors = { n, x: tf.tensor2d(b.x, [n, data.cols]), y: tf.tensor2d(b.y, [n, data.outputs]), ones: ones.get(n)! };
  if (b.xaT) batch.xaT = tf.tensor2d(b.xaT, [data.cols + 1, n]);
  if (b.w) batch.w = tf.tensor2d(b.w, [n, 1]);
  if (dropout > 0) batch.dropMasks = spec.hidden.map((units) => tf.tensor2d(dropMask(n * units, dropout, prng), [n, units]));
  return batch;
}

/** Inverted dropout: kept units are scaled by 1/(1 - rate) so prediction needs no rescaling. */
export function dropMask(size: number, rate: number, prng: Prng): Float32Array {
  const mask = new Float32Array(size);
  const keep = 1 / (1 - rate);
  for (let i = 0; i < size; i++) mask[i] = prng.next() >= rate ? keep : 0;
  return mask;
}
