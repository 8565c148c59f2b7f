import { describe, expect, it } from 'vitest';
import { countCategories, meanOf, medianOf, modeOf, momentsOf, topCategories } from './preprocess-stats';

const f = (...v: number[]) => Float64Array.from(v);

describe('numeric statistics', () => {
  it('skips missing values in the mean and median', () => {
    expect(meanOf(f(1, NaN, 5))).toBe(3);
    expect(medianOf(f(9, NaN, 1, 4))).toBe(4);
    expect(medianOf(f(4, 1, 3, 2))).toBe(2.5);
    expect(meanOf(f(NaN))).toBeNaN();
    expect(medianOf(f())).toBeNaN();
  });

  it('sorts numerically for the median, not as text', () => {
    expect(medianOf(f(10, 9, 100))).toBe(10);
    expect(medianOf(f(-5, -10, 2))).toBe(-5);
  });

  it('gives the population standard deviation like StandardScaler', () => {
    const m = momentsOf(f(2, 4, 4, 4, 5, 5, 7, 9));
    expect(m).toEqual({ mean: 5, std: 2, min: 2, max: 9 });
    expect(momentsOf(f(1e9 + 1, 1e9 + 2, 1e9 + 3)).std).toBeCloseTo(Math.sqrt(2 / 3), 6);
  });
});

describe('category statistics', () => {
  it('finds the mode, ties going to the smallest value', () => {
    expect(modeOf(countCategories(['b', 'a', null, 'b', null, null]))).toBe('b');
    expect(modeOf(countCategories(['z', 'y', 'y', 'z']))).toBe('y');
    expect(modeOf(countCategories([null]))).toBeNull();
  });

  it('keeps the most frequent categories, sorted', () => {
    const counts = countCategories(['c', 'c', 'c', 'a', 'b', 'b', 'd', 'd']);
    expect(topCategories(counts, 2)).toEqual(['b', 'c']);
    expect(topCategories(counts, 3)).toEqual(['b', 'c', 'd']);
    expect(topCategories(counts, 10)).toEqual(['a', 'b', 'c', 'd']);
  });
});
