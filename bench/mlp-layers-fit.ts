// The textbook TF.js way, for comparison only: a tf.LayersModel fitted with model.fit.
import type { Tf } from '../nodes/train/tf-backend';
import type { MlpTask } from './mlp-task';

export interface LayersFitResult {
  seconds: number;
  accuracy: number;
}

export async function layersFit(
  tf: Tf,
  train: MlpTask,
  test: MlpTask,
  opts: { batchSize: number; epochs: number; learningRate: number },
): Promise<LayersFitResult> {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [train.cols], units: 64, activation: 'relu' }),
      tf.layers.dense({ units: 32, activation: 'relu' }),
      tf.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(opts.learningRate), loss: 'binaryCrossentropy' });
  const started = performance.now();
  const x = tf.tensor2d(Float32Array.from(train.X), [train.rows, train.cols]);
  const y = tf.tensor2d(Float32Array.from(train.y), [train.rows, 1]);
  await model.fit(x, y, { batchSize: opts.batchSize, epochs: opts.epochs, shuffle: true, verbose: 0 });
  const seconds = (performance.now() - started) / 1000;
  const xTest = tf.tensor2d(Float32Array.from(test.X), [test.rows, test.cols]);
  const p = model.predict(xTest) as ReturnType<Tf['tensor']>;
  const probs = await p.data();
  let correct = 0;
  for (let i = 0; i < test.rows; i++) if ((probs[i] > 0.5 ? 1 : 0) === test.y[i]) correct++;
  tf.dispose([x, y, xTest, p]);
  model.dispose();
  return { seconds, accuracy: correct / test.rows };
}
