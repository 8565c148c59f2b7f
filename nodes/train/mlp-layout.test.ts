import { describe, expect, it } from 'vitest';
import { initialParameters, layerSlots, parameterCount, weightMask, type MlpSpec } from './mlp-layout';

const spec: MlpSpec = { inputs: 20, hidden: [64, 32], activation: 'relu', outputs: 1, output: 'sigmoid' };

describe('mlp layout', () => {
  it('lays out W then b per layer, back to back', () => {
    expect(layerSlots(spec)).toEqual([
      { fanIn: 20, units: 64, wOffset: 0, bOffset: 1280 },
      { fanIn: 64, units: 32, wOffset: 1344, bOffset: 3392 },
      { fanIn: 32, units: 1, wOffset: 3424, bOffset: 3456 },
    ]);
    expect(parameterCount(spec)).toBe(3457);
  });

  it('starts from seeded Glorot-uniform weights and zero biases', () => {
    const a = initialParameters(spec, 1);
    expect(initialParameters(spec, 1)).toEqual(a);
    expect(initialParameters(spec, 2)).not.toEqual(a);
    const limit = Math.sqrt(6 / (20 + 64));
    const w1 = a.subarray(0, 1280);
    expect(Math.max(...w1.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(Math.max(...w1.map(Math.abs))).toBeGreaterThan(0.9 * limit);
    expect(Array.from(a.subarray(1280, 1344)).every((b) => b === 0)).toBe(true);
  });

  it('uses the smaller sigmoid gain, as scikit-learn does', () => {
    const s = initialParameters({ ...spec, activation: 'sigmoid' }, 1).subarray(0, 1280);
    expect(Math.max(...s.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(2 / 84));
  });

  it('masks weights, not biases', () => {
    const mask = weightMask({ inputs: 2, hidden: [2], activation: 'relu', outputs: 1, output: 'linear' });
    expect(Array.from(mask)).toEqual([1, 1, 1, 1, 0, 0, 1, 1, 0]);
  });
});
