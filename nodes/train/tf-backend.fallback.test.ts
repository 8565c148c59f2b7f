// In its own file (its own worker): a failed wasm init cannot be undone within a process.
import { describe, expect, it, vi } from 'vitest';
import { mlpEstimator } from './mlp-estimator';
import { DEFAULT_MLP_PARAMS } from './mlp-params';
import { circleData, recordingContext } from './mlp-test-kit';
import { initTf } from './tf-backend';

const broken = { backends: ['wasm', 'cpu'], wasmPath: '/nonexistent/tfjs-wasm/' };

describe('initTf when wasm cannot load', () => {
  it('falls back to cpu and says why wasm was passed over', async () => {
    const quiet = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const { tf, backend, note } = await initTf(broken);
      expect(backend).toBe('cpu');
      expect(tf.getBackend()).toBe('cpu');
      expect(note).toMatch(/^wasm failed to initialise: Aborted\(Error: ENOENT.*tfjs-backend-wasm-simd\.wasm/);
    } finally {
      quiet.mockRestore();
    }
  });

  it('still trains the MLP on cpu, and the run is told which backend and why', async () => {
    const data = circleData(64, 1);
    const rec = recordingContext({ ml: broken });
    const params = { ...DEFAULT_MLP_PARAMS, hiddenLayers: [8], epochs: 2, batchSize: 16, earlyStopping: false };
    const { training } = await mlpEstimator.fit(data.X, data.target, params, rec.ctx);
    expect(training.backend).toBe('cpu');
    expect(rec.backends).toHaveLength(1);
    expect(rec.backends[0].name).toBe('cpu');
    expect(rec.backends[0].note).toMatch(/^wasm failed to initialise/);
  });
});
