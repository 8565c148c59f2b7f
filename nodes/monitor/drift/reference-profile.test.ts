import { describe, expect, it } from 'vitest';
import { referenceProfile } from './reference-profile';
import { REFERENCE_SAMPLE_CAP, type CategoricalReference, type NumericReference } from './reference-types';

describe('referenceProfile', () => {
  it('keeps a numeric column as exact distinct values with counts, deciles and missing', () => {
    const profile = referenceProfile([{ name: 'amount', type: 'numeric', values: [3, 1, null, 3, Number.NaN, 2] }], null, 6);
    const ref = profile.features[0] as NumericReference;
    expect(ref).toMatchObject({ kind: 'numeric', rows: 6, missing: 2, values: [1, 2, 3], counts: [1, 1, 2], exact: true });
    expect(ref.psiCounts.reduce((a, b) => a + b, 0)).toBe(4);
    expect(ref.psiCounts).toHaveLength(ref.psiEdges.length + 1);
  });

  it('groups more distinct values than the cap, moving the ECDF by less than 1/cap', () => {
    const n = REFERENCE_SAMPLE_CAP * 3 + 7;
    const values = Array.from({ length: n }, (_, i) => (i * 7919) % n);
    const ref = referenceProfile([{ name: 'x', type: 'numeric', values }], null, n).features[0] as NumericReference;
    expect(ref.exact).toBe(false);
    expect(ref.values.length).toBeLessThanOrEqual(REFERENCE_SAMPLE_CAP + 1);
    expect(ref.counts.reduce((a, b) => a + b, 0)).toBe(n);
    // Values are 0..n−1, so the true ECDF at v is (v+1)/n; the grouped one must stay within 1/cap.
    let cumulative = 0;
    let worst = 0;
    ref.values.forEach((v, i) => {
      const before = cumulative / n; // grouped ECDF just below this group's value
      worst = Math.max(worst, v / n - before);
      cumulative += ref.counts[i];
      worst = Math.max(worst, Math.abs((v + 1) / n - cumulative / n));
    });
    expect(worst).toBeLessThan(1 / REFERENCE_SAMPLE_CAP);
  });

  it('counts categories most frequent first, treating empty text as missing', () => {
    const profile = referenceProfile([], { name: 'label', type: 'categorical', values: ['b', 'a', 'b', '', null, true] }, 6);
    const target = profile.target as CategoricalReference;
    expect(target.categories).toEqual([
      { value: 'b', count: 2 },
      { value: 'a', count: 1 },
      { value: 'true', count: 1 },
    ]);
    expect(target.missing).toBe(2);
    expect(target.otherCount).toBe(0);
  });
});
