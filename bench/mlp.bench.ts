// MLP training, time to accuracy: 20-64-32-1 on a generated 100k × 20 binary task with non-linear
// terms (80k train, 20k holdout). Reference, same run: scikit-learn's MLPClassifier with 5 epochs
// at batch 256. Bar: reach its holdout accuracy (within 0.5 points) in at most 3× its fit time.
// Run alone: npx tsx bench/mlp.bench.ts
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mlpEstimator } from '../nodes/train/mlp-estimator';
import { DEFAULT_MLP_PARAMS, type MlpParams } from '../nodes/train/mlp-params';
import { initTf } from '../nodes/train/tf-backend';
import { layersFit } from './mlp-layers-fit';
import { runSklearnMlp } from './mlp-sklearn';
import { generateMlpTask, taskRows, taskToCsv, type MlpTask } from './mlp-task';

/** Ours: bigger batches and a higher Adam step than scikit-learn's, and fewer epochs. */
export const MLP_BENCH_SETTINGS = { batchSize: 512, epochs: 3, learningRate: 0.01 } as const;
const SKLEARN_SETTINGS = { batchSize: 256, epochs: 5, learningRate: 0.001 } as const;
const REPEATS = 5;
const TRAIN_ROWS = 80_000;
const ML = {
  backends: ['wasm', 'cpu'],
  wasmPath: path.join(process.cwd(), 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist'),
};

export interface BenchRow {
  name: string;
  figure: string;
  reference: string;
  ratio: number;
  bar: string;
  pass: boolean;
}

interface Timed {
  seconds: number;
  accuracy: number;
}

export async function benchMlp(): Promise<BenchRow> {
  const task = generateMlpTask(100_000, 42);
  const train = taskRows(task, 0, TRAIN_ROWS);
  const test = taskRows(task, TRAIN_ROWS, task.rows);
  const name = 'MLP 20-64-32-1, time to sklearn accuracy (100k × 20, 80k train)';
  const bar = 'accuracy ≥ sklearn − 0.5 points in ≤ 3× sklearn fit time';

  const dir = mkdtempSync(path.join(tmpdir(), 'pipeworks-mlp-bench-'));
  const csv = path.join(dir, 'task.csv');
  writeFileSync(csv, taskToCsv(task));
  const sklearn = runSklearnMlp(csv, TRAIN_ROWS, REPEATS);
  rmSync(dir, { recursive: true, force: true });

  const { tf, backend, note } = await initTf(ML);
  const ours: Timed[] = [];
  for (let seed = 1; seed <= REPEATS; seed++) ours.push(await fitOurs(train, test, MLP_BENCH_SETTINGS, seed));
  const oursSklearnSettings = await fitOurs(train, test, SKLEARN_SETTINGS, 1);
  const layers = await layersFit(tf, train, test, SKLEARN_SETTINGS);

  const o = medianRun(ours);
  const settings = `batch ${MLP_BENCH_SETTINGS.batchSize}, ${MLP_BENCH_SETTINGS.epochs} epochs, Adam lr ${MLP_BENCH_SETTINGS.learningRate}`;
  console.log(`\n[mlp] TF.js backend: ${backend}${note ? ` (${note})` : ''}`);
  console.log(`[mlp] ours (${settings}): ${list(ours)}`);
  console.log(`[mlp] ours with sklearn's settings (batch 256, 5 epochs, lr 0.001): ${fmt(oursSklearnSettings)}`);
  console.log(`[mlp] tf.LayersModel.fit with sklearn's settings: ${fmt(layers)}`);
  if ('missing' in sklearn) {
    console.log(`[mlp] no sklearn reference: ${sklearn.missing}`);
    return { name, figure: `${fmt(o)} (${settings}), median of ${REPEATS}`, reference: `missing: ${sklearn.missing}`, ratio: NaN, bar, pass: false };
  }
  const s = medianRun(sklearn.map((r) => ({ seconds: r.fitSeconds, accuracy: r.accuracy })));
  console.log(`[mlp] sklearn MLPClassifier (batch 256, 5 epochs): ${list(sklearn.map((r) => ({ seconds: r.fitSeconds, accuracy: r.accuracy })))}`);
  const ratio = o.seconds / s.seconds;
  const accuracyGap = (o.accuracy - s.accuracy) * 100;
  const withinAccuracy = accuracyGap >= -0.5;
  console.log(
    `[mlp] ratio ${ratio.toFixed(2)}× sklearn's fit time; accuracy ${accuracyGap >= 0 ? '+' : ''}${accuracyGap.toFixed(2)} points ` +
      `(${withinAccuracy ? 'within' : 'NOT within'} 0.5 points or better)`,
  );
  return {
    name,
    figure: `${fmt(o)} (${settings}; TF.js ${backend}), median of ${REPEATS}`,
    reference: `sklearn MLPClassifier ${fmt(s)}, median of ${REPEATS}`,
    ratio,
    bar,
    pass: backend === 'wasm' && withinAccuracy && ratio <= 3,
  };
}

async function fitOurs(
  train: MlpTask,
  test: MlpTask,
  settings: { batchSize: number; epochs: number; learningRate: number },
  seed: number,
): Promise<Timed> {
  const params: MlpParams = { ...DEFAULT_MLP_PARAMS, ...settings, hiddenLayers: [64, 32], earlyStopping: false };
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

/** The run with the median time, and the median accuracy over all runs. */
function medianRun(runs: Timed[]): Timed {
  const mid = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { seconds: mid(runs.map((r) => r.seconds)), accuracy: mid(runs.map((r) => r.accuracy)) };
}

const fmt = (r: Timed) => `${r.seconds.toFixed(2)} s, accuracy ${r.accuracy.toFixed(4)}`;
const list = (runs: Timed[]) => runs.map((r) => `${r.seconds.toFixed(2)} s/${r.accuracy.toFixed(4)}`).join(', ');

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const row = await benchMlp();
  console.log(`\n${row.pass ? 'PASS' : 'MISS'}  ${row.name}\n      ${row.figure}; reference: ${row.reference}; ratio ${row.ratio.toFixed(2)}×; bar: ${row.bar}`);
}
