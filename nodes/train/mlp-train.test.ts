import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../split/prng';
import { dropMask } from './mlp-train';

describe('dropMask', () => {
  it('drops about the given share and scales the kept units by 1/(1 - rate)', () => {
    const mask = dropMask(10_000, 0.2, mulberry32(1));
    const dropped = mask.filter((m) => m === 0).length;
    expect(dropped).toBeGreaterThan(1800);
    expect(dropped).toBeLessThan(2200);
    expect(new Set(mask)).toEqual(new Set([0, Math.fround(1.25)]));
    expect(dropMask(100, 0.2, mulberry32(1))).toEqual(dropMask(100, 0.2, mulberry32(1)));
  });
});
