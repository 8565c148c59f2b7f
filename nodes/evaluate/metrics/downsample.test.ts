import { describe, expect, it } from 'vitest';
import { pickFrom, pickIndices } from './downsample';

describe('pickIndices', () => {
  it('keeps everything when short enough', () => {
    expect(pickIndices(4, 10)).toEqual([0, 1, 2, 3]);
  });

  it('spreads at most max indices evenly, ends included, plus the ones to keep', () => {
    const picked = pickIndices(1001, 11, [537]);
    expect(picked.length).toBeLessThanOrEqual(11);
    expect(picked[0]).toBe(0);
    expect(picked.at(-1)).toBe(1000);
    expect(picked).toContain(537);
    expect([...picked].sort((a, b) => a - b)).toEqual(picked);
  });

  it('takes the same rows from parallel series', () => {
    expect(pickFrom({ x: [1, 2, 3], y: [4, 5, 6] }, [0, 2])).toEqual({ x: [1, 3], y: [4, 6] });
  });
});
