// KS (statistic, p-value, method), Wasserstein, kstwo.sf and chi-square against scipy's own
// numbers, written by tests/fixtures/drift/generate.py with Debian's python3-scipy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chiSquareContingency } from './chi-square';
import { ks2samp } from './ks-2samp';
import { kolmogorovSf } from './kolmogorov';
import { sortedSample } from './sorted-sample';
import { wasserstein } from './wasserstein';

const TOLERANCE = 1e-6;

interface Fixture {
  samples: {
    name: string;
    a: number[];
    b: number[];
    ks_statistic: number;
    ks_pvalue: number;
    ks_method: 'exact' | 'asymp';
    wasserstein: number;
  }[];
  kstwo: { n: number; x: number; sf: number }[];
  chi2: { name: string; table: number[][]; statistic: number; pvalue: number; dof: number }[];
}

const fixture: Fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../tests/fixtures/drift/scipy-drift.json'), 'utf8'),
);

/** Within 1e-6, relative for values above 1. */
function close(actual: number, expected: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    TOLERANCE * Math.max(1, Math.abs(expected)),
  );
}

describe('two-sample statistics match scipy', () => {
  it.each(fixture.samples.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    const a = sortedSample(s.a);
    const b = sortedSample(s.b);
    const ks = ks2samp(a, b);
    close(ks.statistic, s.ks_statistic, 'KS statistic');
    close(ks.pValue, s.ks_pvalue, 'KS p-value');
    expect(ks.method).toBe(s.ks_method);
    close(wasserstein(a, b), s.wasserstein, 'Wasserstein');
    // The test is symmetric in its samples, as scipy's is.
    close(ks2samp(b, a).pValue, s.ks_pvalue, 'KS p-value, samples swapped');
  });
});

describe('kstwo.sf matches scipy in every branch', () => {
  it.each(fixture.kstwo.map((r) => [r.n, r.x, r] as const))('n=%d x=%f', (_n, _x, r) => {
    close(kolmogorovSf(r.n, r.x), r.sf, `kstwo.sf(${r.x}, ${r.n})`);
  });
});

describe('chi-square matches chi2_contingency without correction', () => {
  it.each(fixture.chi2.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = chiSquareContingency(c.table);
    close(result.statistic, c.statistic, 'statistic');
    close(result.pValue, c.pvalue, 'p-value');
    expect(result.dof).toBe(c.dof);
  });
});
