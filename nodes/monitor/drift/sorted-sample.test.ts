import { describe, expect, it } from 'vitest';
import { ksStatistic } from './ks-statistic';
import { sortedSample } from './sorted-sample';
import { wasserstein } from './wasserstein';

describe('sortedSample', () => {
  it('collapses ties into counts', () => {
    const s = sortedSample([3, 1, 3, 2, 3]);
    expect(Array.from(s.values)).toEqual([1, 2, 3]);
    expect(Array.from(s.counts)).toEqual([1, 1, 3]);
    expect(s.n).toBe(5);
  });
});

describe('ksStatistic and wasserstein on hand-worked samples', () => {
  it('finds the largest ECDF gap and its side', () => {
    const s = ksStatistic(sortedSample([1, 2, 3, 4]), sortedSample([3, 4, 5, 6]));
    expect(s).toEqual({ d: 0.5, location: 2, sign: 1 });
  });

  it('measures the mass moved between two point masses', () => {
    expect(wasserstein(sortedSample([0, 0]), sortedSample([3]))).toBe(3);
    expect(wasserstein(sortedSample([1, 2, 3]), sortedSample([1, 2, 3]))).toBe(0);
  });

  it('refuses an empty sample', () => {
    expect(() => ksStatistic(sortedSample([]), sortedSample([1]))).toThrow(/non-empty/);
  });
});
