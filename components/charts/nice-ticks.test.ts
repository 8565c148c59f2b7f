import { describe, expect, it } from 'vitest';
import { niceTicks } from './nice-ticks';

describe('niceTicks', () => {
  it('covers the range with round steps', () => {
    expect(niceTicks(12.36, 353.6)).toEqual([0, 100, 200, 300, 400]);
    expect(niceTicks(0.03, 0.97)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(-3.2, 2.9)).toEqual([-4, -2, 0, 2, 4]);
  });

  it('copes with a single value and with no data', () => {
    expect(niceTicks(5, 5)).toEqual([5]);
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
  });
});
