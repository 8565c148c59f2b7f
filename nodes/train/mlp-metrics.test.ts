import { describe, expect, it } from 'vitest';
import { outputMetrics } from './mlp-metrics';
import type { MlpRows } from './mlp-rows';

const rows = (y: number[], outputs = 1): MlpRows => ({
  rows: y.length / outputs,
  cols: 1,
  x: new Float32Array(y.length / outputs),
  y: Float32Array.from(y),
  outputs,
});

describe('outputMetrics', () => {
  it('gives log loss and accuracy for a sigmoid output', () => {
    const m = outputMetrics(Float32Array.from([0.8, 0.4, 0.3]), rows([1, 1, 0]), 'sigmoid');
    expect(m.loss).toBeCloseTo(-(Math.log(0.8) + Math.log(0.4) + Math.log(0.7)) / 3, 6);
    expect(m.accuracy).toBeCloseTo(2 / 3, 12);
  });

  it('gives log loss and accuracy for a softmax output', () => {
    const out = Float32Array.from([0.7, 0.2, 0.1, 0.1, 0.3, 0.6]);
    const m = outputMetrics(out, rows([1, 0, 0, 0, 1, 0], 3), 'softmax');
    expect(m.loss).toBeCloseTo(-(Math.log(0.7) + Math.log(0.3)) / 2, 6);
    expect(m.accuracy).toBe(0.5);
  });

  it('gives the mean squared error for a linear output, and clips log(0)', () => {
    expect(outputMetrics(Float32Array.from([1, 3]), rows([0, 1]), 'linear')).toEqual({ loss: 2.5 });
    expect(outputMetrics(Float32Array.from([0]), rows([1]), 'sigmoid').loss).toBeCloseTo(-Math.log(1e-7), 6);
  });
});
