// One timed training of the bench MLP (the MLP bench's task and settings) on whatever TF.js
// backend is active. Isomorphic on purpose: the browser bench runs it in a Web Worker and, as the
// reference, in Node on the server's wasm backend, so both sides train through the same code.
import { mlpSpec } from '../nodes/train/mlp-estimator';
import { predictRows } from '../nodes/train/mlp-forward';
import { layerSlots } from '../nodes/train/mlp-layout';
import { outputMetrics } from '../nodes/train/mlp-metrics';
import { DEFAULT_MLP_PARAMS } from '../nodes/train/mlp-params';
import { toMlpRows, type MlpRows } from '../nodes/train/mlp-rows';
import { trainMlp } from '../nodes/train/mlp-train';
import type { Tf } from '../nodes/train/tf-backend';
import { generateMlpTask, taskRows, type MlpTask } from './mlp-task';

/** The MLP bench's generated task: 100k rows, seed 42, the last 20k held out. */
const TASK = { rows: 100_000, seed: 42, holdout: 20_000 } as const;

export interface TrainingJob {
  /** The first `trainRows` of the task's 80k training rows. */
  trainRows: number;
  batchSize: number;
  epochs: number;
  learningRate: number;
  seed: number;
}

export interface TrainingOutcome {
  /** trainMlp's wall time: first batch to the weights read back. */
  seconds: number;
  /** Wall time of each epoch; the first one carries any shader compilation. */
  epochSeconds: number[];
  /** Training loss (log loss) of the last epoch, as trainMlp reports it. */
  loss: number;
  holdoutAccuracy: number;
  /** Gradient steps taken (batches over all epochs). */
  steps: number;
  /** GPU kernel dispatches per gradient step, on a backend whose dispatches can be counted. */
  dispatchesPerStep?: number;
}

/** Reads a running count of the active backend's GPU dispatches (see the bench worker). */
export type DispatchCounter = () => number;

export async function timeTraining(tf: Tf, job: TrainingJob, dispatches?: DispatchCounter): Promise<TrainingOutcome> {
  const task = generateMlpTask(TASK.rows, TASK.seed);
  const trainEnd = TASK.rows - TASK.holdout;
  const trainTask = taskRows(task, 0, Math.min(job.trainRows, trainEnd));
  const train = asRows(trainTask);
  const holdout = asRows(taskRows(task, trainEnd, TASK.rows));
  const params = { ...DEFAULT_MLP_PARAMS, hiddenLayers: [64, 32], batchSize: job.batchSize, epochs: job.epochs, learningRate: job.learningRate };
  const spec = mlpSpec(train.cols, binaryTarget(trainTask), params);

  const epochEnds: number[] = [];
  const dispatchesBefore = dispatches?.();
  const started = performance.now();
  const result = await trainMlp(
    tf,
    spec,
    train,
    undefined,
    { ...params, earlyStopping: false, seed: job.seed },
    { signal: new AbortController().signal, onEpoch: () => epochEnds.push(performance.now()) },
  );
  const seconds = (performance.now() - started) / 1000;
  const steps = Math.ceil(train.rows / job.batchSize) * result.history.length;
  const dispatchCount = dispatches && dispatchesBefore !== undefined ? dispatches() - dispatchesBefore : undefined;

  const theta = tf.tensor1d(result.theta);
  let out: Float32Array;
  try {
    out = await predictRows(tf, spec, theta, layerSlots(spec), holdout.x, holdout.rows);
  } finally {
    theta.dispose();
  }
  return {
    seconds,
    epochSeconds: epochEnds.map((t, i) => (t - (i === 0 ? started : epochEnds[i - 1])) / 1000),
    loss: result.history.at(-1)!.loss,
    holdoutAccuracy: outputMetrics(out, holdout, spec.output).accuracy!,
    steps,
    // Includes the once-per-epoch loss read-back and the final weights: a small share of the steps'.
    ...(dispatchCount !== undefined ? { dispatchesPerStep: dispatchCount / steps } : {}),
  };
}

const binaryTarget = (task: MlpTask) => ({ kind: 'classification' as const, classes: 2, y: task.y });

function asRows(task: MlpTask): MlpRows {
  return toMlpRows({ rows: task.rows, cols: task.cols, data: task.X }, binaryTarget(task), undefined);
}
