import { describe, expect, it } from 'vitest';
import { predictMlp } from './mlp-estimator';
import { mlpForwardCpu } from './mlp-forward-cpu';
import { initialParameters, type MlpSpec } from './mlp-layout';
import { TEST_ML } from './mlp-test-kit';

const X = { rows: 3, cols: 4, data: Float64Array.from({ length: 12 }, (_, i) => Math.sin(i + 1) * 2) };

describe('mlpForwardCpu', () => {
  it.each<[MlpSpec, { mean: number; std: number } | undefined]>([
    [{ inputs: 4, hidden: [8, 5], activation: 'relu', outputs: 1, output: 'sigmoid' }, undefined],
    [{ inputs: 4, hidden: [6], activation: 'tanh', outputs: 3, output: 'softmax' }, undefined],
    [{ inputs: 4, hidden: [5], activation: 'sigmoid', outputs: 1, output: 'linear' }, { mean: 50, std: 10 }],
  ])('answers as the TF.js forward pass does (%#)', async (spec, targetScale) => {
    const model = { spec, theta: initialParameters(spec, 3), ...(targetScale ? { targetScale } : {}) };
    const cpu = mlpForwardCpu(model, X);
    const tf = await predictMlp(model, X, TEST_ML);
    expect(cpu.length).toBe(tf.length);
    for (let i = 0; i < cpu.length; i++) expect(Math.abs(cpu[i] - tf[i]) / Math.max(1, Math.abs(tf[i]))).toBeLessThan(1e-5);
  });
});
