// Pearson's chi-square test of homogeneity on a 2 × K table (reference counts against current
// counts per category), as scipy.stats.chi2_contingency(correction=False) computes it.
import { gammaUpperRegularized } from './special-functions';

export interface ChiSquareResult {
  statistic: number;
  pValue: number;
  dof: number;
}

/**
 * `rows` are equally long count vectors. Categories empty in every row are left out first (scipy
 * refuses a table with a zero expected count); an all-empty row is an error.
 */
export function chiSquareContingency(rows: readonly (readonly number[])[]): ChiSquareResult {
  const width = rows[0]?.length ?? 0;
  const keep: number[] = [];
  for (let c = 0; c < width; c++) if (rows.some((r) => r[c] > 0)) keep.push(c);
  const rowSums = rows.map((r) => keep.reduce((s, c) => s + r[c], 0));
  if (rowSums.some((s) => s === 0)) throw new Error('chi-square needs at least one count in every row');
  const colSums = keep.map((c) => rows.reduce((s, r) => s + r[c], 0));
  const total = rowSums.reduce((s, v) => s + v, 0);
  const dof = keep.length * rows.length - keep.length - rows.length + 1;
  if (dof === 0) return { statistic: 0, pValue: 1, dof };
  let statistic = 0;
  rows.forEach((r, i) =>
    keep.forEach((c, k) => {
      const expected = (rowSums[i] * colSums[k]) / total;
      statistic += (r[c] - expected) ** 2 / expected;
    }),
  );
  return { statistic, pValue: chiSquareSf(statistic, dof), dof };
}

/** scipy.stats.chi2.sf(x, dof) = Q(dof/2, x/2). */
export function chiSquareSf(x: number, dof: number): number {
  return gammaUpperRegularized(dof / 2, x / 2);
}
