import { describe, expect, it } from 'vitest';
import { flattenParams } from './flatten-params';

describe('flattenParams', () => {
  it('writes scalars as text, nested objects by dotted path, lists as JSON', () => {
    expect(
      flattenParams({ learningRate: 0.01, target: 'churned', balanced: true, seed: null, features: ['a', 'b'], space: { depth: [2, 4] }, empty: {} }),
    ).toEqual({ learningRate: '0.01', target: 'churned', balanced: 'true', seed: 'null', features: '["a","b"]', 'space.depth': '[2,4]', empty: '{}' });
  });

  it('leaves out undefined values and shortens very long ones visibly', () => {
    const flat = flattenParams({ missing: undefined, long: 'x'.repeat(1000) });
    expect(Object.keys(flat)).toEqual(['long']);
    expect(flat.long).toHaveLength(500);
    expect(flat.long.endsWith('…')).toBe(true);
  });
});
