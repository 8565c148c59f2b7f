// Our side of the MLP bench: the `tfjs/mlp` estimator fitted from the Float64 matrix, timed to the
// fitted payload, then scored on the holdout.
import path from 'node:path';
import { mlpEstimator } from '../nodes/train/mlp-estimator';
import { DEFAULT_MLP_PARAMS, type MlpParams } from '../nodes/train/mlp-params';
import type { MlpTask } from './mlp-task';

export const ML = {
  backends: ['wasm', 'cpu'],
  wasmPath: path.join(process.cwd(), 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist'),
};

export interface Timed {
  seconds: number;
  accuracy: number;
}

export async function fitOurs(
  train: MlpTask,
  test: MlpTask,
  settings: { batchSize: number; epochs: number; learningRate: number },
  seed: number,
): Promise<Timed> {
  const params: MlpParams = { ...DEFAULT_MLP_PARAMS, ...settings, hiddenLayers: [64, 32], l2: 0, earlyStopping: false };
  const ctx = { signal: new AbortController().signal, seed, ml: ML, log() {}, progress() {}, reportBackend() {} };
  const X = { rows: train.rows, cols: train.cols, data: train.X };
  const started = performance.now();
  const { payload } = await mlpEstimator.fit(X, { kind: 'classification', classes: 2, y: train.y }, params, ctx);
  const seconds = (performance.now() - started) / 1000;
  const probs = await mlpEstimator.predict(payload, { rows: test.rows, cols: test.cols, data: test.X }, ML);
  let correct = 0;
  for (let i = 0; i < test.rows; i++) if ((probs[2 * i + 1] > 0.5 ? 1 : 0) === test.y[i]) correct++;
  return { seconds, accuracy: correct / test.rows };
}
