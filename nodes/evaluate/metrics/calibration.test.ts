import { describe, expect, it } from 'vitest';
import { calibrationCurve } from './calibration';

describe('calibrationCurve', () => {
  it('matches the scikit-learn docstring example', () => {
    const curve = calibrationCurve([0, 0, 0, 0, 1, 1, 1, 1, 1], [0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1], 3);
    expect(curve.probTrue).toEqual([0, 0.5, 1]);
    expect(curve.probPred.map((p) => +p.toFixed(12))).toEqual([0.2, 0.525, 0.85]);
    expect(curve.count).toEqual([3, 2, 4]);
  });

  it('puts a value on an edge in the bin below it, and 0 in the first bin', () => {
    const curve = calibrationCurve([1, 0, 1], [0, 0.1, 0.2], 10);
    expect(curve.bin).toEqual([0, 1]);
    expect(curve.count).toEqual([2, 1]);
    expect(curve.binEdges).toHaveLength(11);
  });

  it('skips empty bins and refuses probabilities outside [0, 1]', () => {
    expect(calibrationCurve([1], [0.95], 10).bin).toEqual([9]);
    expect(() => calibrationCurve([1], [1.2], 10)).toThrow(/outside/);
  });
});
