import { describe, expect, it } from 'vitest';
import { sortFloat64 } from './sort-float64';

/** Seeded, so a failure reproduces. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function expectSameAsBuiltIn(values: Float64Array): void {
  const expected = Float64Array.from(values).sort();
  const actual = sortFloat64(values);
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) if (!Object.is(actual[i], expected[i])) expect([i, actual[i]]).toEqual([i, expected[i]]);
}

describe('sortFloat64', () => {
  it('orders negatives, zeros of both signs, ties and every magnitude as the built-in sort', () => {
    const random = lcg(7);
    const values = new Float64Array(20_000);
    for (let i = 0; i < values.length; i++) {
      const r = random();
      values[i] = i % 11 === 0 ? -0 : i % 13 === 0 ? 0 : i % 5 === 0 ? Math.round(r * 50) : (r - 0.5) * 10 ** Math.floor(random() * 40 - 20);
    }
    values[1] = Number.MAX_VALUE;
    values[2] = -Number.MAX_VALUE;
    values[3] = Number.MIN_VALUE;
    values[4] = -Number.MIN_VALUE;
    expectSameAsBuiltIn(values);
  });

  it('handles values that share their high bits (passes skipped) and small arrays', () => {
    const random = lcg(11);
    expectSameAsBuiltIn(Float64Array.from({ length: 10_000 }, () => 1 + random() * 1e-12));
    expectSameAsBuiltIn(Float64Array.from({ length: 9_000 }, () => 42));
    expectSameAsBuiltIn(Float64Array.from([3, -1, 2]));
    expect(sortFloat64(new Float64Array(0))).toHaveLength(0);
  });
});
