import { beforeAll, describe, expect, it } from 'vitest';
import type { Matrix } from './estimator';
import { mlpEstimator } from './mlp-estimator';
import { DEFAULT_MLP_PARAMS, type MlpParams } from './mlp-params';
import { circleData, recordingContext, sectorData, TEST_ML, waveData } from './mlp-test-kit';
import { initTf, type Tf } from './tf-backend';

let tf: Tf;
beforeAll(async () => {
  ({ tf } = await initTf(TEST_ML));
});

const small: MlpParams = {
  ...DEFAULT_MLP_PARAMS,
  hiddenLayers: [16, 8],
  learningRate: 0.02,
  epochs: 40,
  batchSize: 32,
  earlyStopping: false,
};

function accuracy(probs: Float64Array, y: Int32Array, classes: number): number {
  let correct = 0;
  for (let i = 0; i < y.length; i++) {
    let best = 0;
    for (let k = 1; k < classes; k++) if (probs[i * classes + k] > probs[i * classes + best]) best = k;
    if (best === y[i]) correct++;
  }
  return correct / y.length;
}

describe('mlpEstimator', () => {
  it('learns a non-linear binary boundary on wasm, streaming each epoch', async () => {
    const train = circleData(400, 1);
    const test = circleData(300, 2);
    const rec = recordingContext();
    const { payload, training } = await mlpEstimator.fit(train.X, train.target, small, rec.ctx);
    expect(rec.backends).toEqual([{ name: 'wasm', note: undefined }]);
    expect(training).toMatchObject({ algorithm: 'tfjs/mlp', backend: 'wasm', epochs: 40, stoppedEarly: false });
    expect(rec.progress).toHaveLength(40);
    expect(rec.progress[39]).toMatchObject({ fraction: 1, data: { epoch: 40 } });
    expect(rec.progress[0].message).toMatch(/^Epoch 1\/40: loss \d/);
    const losses = rec.progress.map((p) => p.data!.loss as number);
    expect(losses[39]).toBeLessThan(losses[0] * 0.6);
    const probs = await mlpEstimator.predict(JSON.parse(JSON.stringify(payload)), test.X, TEST_ML);
    expect(probs).toHaveLength(600);
    expect(probs[0] + probs[1]).toBeCloseTo(1, 6);
    expect(accuracy(probs, test.target.y, 2)).toBeGreaterThan(0.9);
  });

  it('classifies three classes with softmax and reports validation figures', async () => {
    const train = sectorData(450, 3);
    const val = sectorData(150, 4);
    const rec = recordingContext({ validation: { X: val.X, target: val.target } });
    const { payload } = await mlpEstimator.fit(train.X, train.target, { ...small, epochs: 30 }, rec.ctx);
    const last = rec.progress.at(-1)!.data!;
    expect(last.valAccuracy).toBeGreaterThan(0.85);
    expect(last.valLoss).toBeGreaterThan(0);
    const probs = await mlpEstimator.predict(payload, val.X, TEST_ML);
    expect(probs).toHaveLength(450);
    expect(probs[0] + probs[1] + probs[2]).toBeCloseTo(1, 5);
    expect(accuracy(probs, val.target.y, 3)).toBeCloseTo(last.valAccuracy as number, 6);
  });

  it('regresses in the target units (trained on a standardised target)', async () => {
    const train = waveData(400, 5);
    const test = waveData(200, 6);
    const rec = recordingContext();
    const { payload } = await mlpEstimator.fit(train.X, train.target, { ...small, activation: 'tanh' }, rec.ctx);
    const pred = await mlpEstimator.predict(payload, test.X, TEST_ML);
    const y = test.target.y;
    const mean = y.reduce((a, b) => a + b, 0) / y.length;
    let ssRes = 0;
    let ssTot = 0;
    y.forEach((v, i) => {
      ssRes += (v - pred[i]) ** 2;
      ssTot += (v - mean) ** 2;
    });
    expect(1 - ssRes / ssTot).toBeGreaterThan(0.9);
    // The streamed loss is an MSE in y's units, not in standard deviations.
    expect(rec.progress[0].data!.loss).toBeGreaterThan(10);
  });

  it('stops early on the validation loss and keeps the best epoch', async () => {
    // 40 training rows with noisy labels: a wide network overfits and validation loss turns up.
    const train = circleData(40, 7);
    for (let i = 0; i < 40; i += 3) train.target.y[i] = 1 - train.target.y[i];
    const val = circleData(200, 8);
    const rec = recordingContext({ validation: { X: val.X, target: val.target } });
    const params = { ...small, hiddenLayers: [64, 64], learningRate: 0.03, epochs: 300, batchSize: 8, earlyStopping: true, patience: 4 };
    const { training } = await mlpEstimator.fit(train.X, train.target, params, rec.ctx);
    expect(training.stoppedEarly).toBe(true);
    const history = training.history as { epoch: number; valLoss: number }[];
    expect(history.length).toBeLessThan(300);
    const best = Math.min(...history.map((h) => h.valLoss));
    expect(history[(training.bestEpoch as number) - 1].valLoss).toBe(best);
    expect(history.length - (training.bestEpoch as number)).toBe(4);
    expect(rec.logs.some((l) => /Early stopping after epoch/.test(l))).toBe(true);
  });

  it('is reproducible for a seed on a backend, and the seed matters', async () => {
    const data = circleData(100, 9);
    const params = { ...small, epochs: 3, dropout: 0.2 };
    const a = await mlpEstimator.fit(data.X, data.target, params, recordingContext().ctx);
    const b = await mlpEstimator.fit(data.X, data.target, params, recordingContext().ctx);
    const c = await mlpEstimator.fit(data.X, data.target, params, recordingContext({ seed: 8 }).ctx);
    expect(b.payload).toEqual(a.payload);
    expect(c.payload).not.toEqual(a.payload);
  });

  it('weights rows by class: heavy positive weights raise the predicted positive rate', async () => {
    const data = circleData(300, 10);
    const positives = (probs: Float64Array) => probs.filter((_, i) => i % 2 === 1 && probs[i] > 0.5).length;
    const params = { ...small, epochs: 5 };
    const plain = await mlpEstimator.fit(data.X, data.target, params, recordingContext().ctx);
    const sampleWeight = Float64Array.from(data.target.y, (y) => (y === 1 ? 20 : 1));
    const weighted = await mlpEstimator.fit(data.X, { ...data.target, sampleWeight }, params, recordingContext().ctx);
    const p0 = positives(await mlpEstimator.predict(plain.payload, data.X, TEST_ML));
    const p1 = positives(await mlpEstimator.predict(weighted.payload, data.X, TEST_ML));
    expect(p1).toBeGreaterThan(p0 + 30);
  });

  it('leaves no tensors behind across fit and predict', async () => {
    const data = circleData(64, 11);
    const val = circleData(32, 12);
    await mlpEstimator.fit(data.X, data.target, { ...small, epochs: 1 }, recordingContext().ctx); // warm caches
    const before = tf.memory().numTensors;
    const rec = recordingContext({ validation: { X: val.X, target: val.target } });
    const params = { ...small, epochs: 4, dropout: 0.1, l2: 0.01, earlyStopping: true, patience: 1 };
    const { payload } = await mlpEstimator.fit(data.X, data.target, params, rec.ctx);
    await mlpEstimator.predict(payload, val.X, TEST_ML);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops when cancelled, between batches', async () => {
    const data = circleData(200, 13);
    const controller = new AbortController();
    const rec = recordingContext({ signal: controller.signal });
    rec.ctx.progress = () => controller.abort();
    const before = tf.memory().numTensors;
    await expect(mlpEstimator.fit(data.X, data.target, { ...small, epochs: 50 }, rec.ctx)).rejects.toThrow(/abort/i);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('fails clearly, leaking nothing, when the loss stops being a number', async () => {
    const data = circleData(32, 15);
    const huge = { ...data.X, data: data.X.data.map((v) => v * 1e39) }; // beyond float32: Infinity in, NaN out
    const before = tf.memory().numTensors;
    await expect(mlpEstimator.fit(huge, data.target, { ...small, epochs: 2 }, recordingContext().ctx)).rejects.toThrow(
      /Training diverged: the loss of epoch 1 is NaN/,
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects what it cannot fit, and features of the wrong width at predict', async () => {
    const data = circleData(10, 14);
    const single = { kind: 'classification' as const, classes: 1, y: new Int32Array(10) };
    await expect(mlpEstimator.fit(data.X, single, small, recordingContext().ctx)).rejects.toThrow(/two classes/);
    const { payload } = await mlpEstimator.fit(data.X, data.target, { ...small, epochs: 1 }, recordingContext().ctx);
    const wide: Matrix = { rows: 1, cols: 3, data: new Float64Array(3) };
    await expect(mlpEstimator.predict(payload, wide, TEST_ML)).rejects.toThrow(/expects 2 features, got 3/);
  });
});
