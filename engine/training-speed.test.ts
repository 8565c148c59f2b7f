import { describe, expect, it } from 'vitest';
import { estimateSeconds, fitSpeed, formatSeconds, mlpWeights, quicker } from './training-speed';

describe('mlpWeights', () => {
  it('counts weights and biases layer by layer: the bench MLP 20-64-32-1 has 3,457', () => {
    expect(mlpWeights(20, [64, 32], 1)).toBe(21 * 64 + 65 * 32 + 33);
    expect(mlpWeights(2, [], 1)).toBe(3);
  });
});

describe('fitSpeed', () => {
  it('separates the fixed cost of a step from the cost of the arithmetic', () => {
    // 2 ms a step plus 1 ns per row-weight: batch 64 × 1000 weights → 2.064 ms, batch 512 → 2.512 ms.
    const s = fitSpeed('wasm', 30, [
      { batch: 64, weights: 1000, steps: 10, ms: 20.64 },
      { batch: 512, weights: 1000, steps: 20, ms: 50.24 },
    ]);
    expect(s.backend).toBe('wasm');
    expect(s.stepMs).toBeCloseTo(2, 6);
    expect(s.macNs).toBeCloseTo(1, 6);
    expect(s.setupMs).toBe(30);
  });

  it('reads a bigger batch that came out faster (noise) as no arithmetic cost, never a negative one', () => {
    const s = fitSpeed('webgpu', -5, [
      { batch: 64, weights: 1000, steps: 4, ms: 40 },
      { batch: 512, weights: 1000, steps: 4, ms: 36 },
    ]);
    expect(s.macNs).toBe(0);
    expect(s.stepMs).toBeCloseTo(9.5, 6);
    expect(s.setupMs).toBe(0);
  });

  it('reads a line through below zero as no fixed cost, refitting the slope through the origin', () => {
    const s = fitSpeed('cpu', 0, [
      { batch: 100, weights: 100, steps: 1, ms: 0.5 },
      { batch: 200, weights: 100, steps: 1, ms: 2 },
    ]);
    expect(s.stepMs).toBe(0);
    expect(s.macNs).toBeGreaterThan(0);
  });

  it('refuses to fit nothing', () => {
    expect(() => fitSpeed('wasm', 0, [])).toThrow(/no samples/);
  });
});

describe('estimateSeconds', () => {
  it('is setup plus steps × (fixed + batch × weights × per-weight cost)', () => {
    const speed = { backend: 'wasm' as const, stepMs: 2, macNs: 1, setupMs: 100 };
    expect(estimateSeconds(speed, { steps: 100, batch: 500, weights: 2000 })).toBeCloseTo((100 + 100 * (2 + 1)) / 1000, 9);
  });
});

describe('formatSeconds', () => {
  it('says an estimate with at most two significant figures', () => {
    expect(formatSeconds(0.0432)).toBe('0.04 s');
    expect(formatSeconds(0.84)).toBe('0.8 s');
    expect(formatSeconds(49.6)).toBe('50 s');
    expect(formatSeconds(600)).toBe('10 min');
    expect(formatSeconds(7200 * 3)).toBe('6.0 h');
  });
});

describe('quicker', () => {
  it('keeps the measurement with the faster bench-sized step, whatever its setup', () => {
    const cold = { backend: 'wasm' as const, stepMs: 8, macNs: 1, setupMs: 10 };
    const warm = { backend: 'wasm' as const, stepMs: 2, macNs: 1, setupMs: 400 };
    expect(quicker(cold, warm)).toBe(warm);
    expect(quicker(warm, cold)).toBe(warm);
  });
});
