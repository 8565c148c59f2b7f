import { describe, expect, it } from 'vitest';
import { separation, targetRates } from './leak-score';

const y = [false, false, false, true, true, true];

describe('separation', () => {
  it('is 1 for a number that orders the classes, either way round', () => {
    expect(separation([1, 2, 3, 4, 5, 6], 'numeric', y)).toBe(1);
    expect(separation([6, 5, 4, 3, 2, 1], 'numeric', y)).toBe(1);
  });

  it('leaves out rows with a missing number or a missing target', () => {
    // Without the middle rows: scores 1, 2 (neg) vs 9, 8 (pos) separate perfectly.
    expect(separation([1, 2, 100, -100, 9, 8], 'numeric', [false, false, null, null, true, true])).toBe(1);
    expect(separation([1, 2, Number.NaN, null, 9, 8], 'numeric', y)).toBe(1);
  });

  it('scores a category by its target rate', () => {
    // rates a 0, b 0.5, c 1: of the 9 (positive, negative) pairs, 8 are ordered right and 1 ties: 8.5 / 9
    const cats = ['a', 'a', 'b', 'b', 'c', 'c'];
    expect(separation(cats, 'categorical', y)).toBeCloseTo(17 / 18, 12);
    expect(separation(['x', 'x', 'x', 'y', 'y', 'y'], 'categorical', y)).toBe(1);
  });

  it('treats a missing category as one more category', () => {
    expect(separation([null, null, null, 'k', 'k', 'k'], 'categorical', y)).toBe(1);
  });

  it('is NaN for text and for a single class', () => {
    expect(separation(['a', 'b', 'c', 'd', 'e', 'f'], 'text', y)).toBeNaN();
    expect(separation([1, 2, 3], 'numeric', [true, true, true])).toBeNaN();
  });
});

describe('targetRates', () => {
  it('counts only rows whose target is present', () => {
    expect(targetRates(['a', 'a', 'b'], [true, null, false])).toEqual(new Map([['a', 1], ['b', 0]]));
  });
});
