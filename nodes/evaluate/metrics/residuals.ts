// A summary of regression residuals (actual − predicted) that a chart can draw directly.
import { histogram, mean, quantile, sampleStd, type Histogram } from '../../explore/numeric-summary';
import { pickIndices } from './downsample';

export type ResidualsSummary = {
  definition: 'actual - predicted';
  mean: number;
  std: number;
  min: number;
  p05: number;
  p25: number;
  median: number;
  p75: number;
  p95: number;
  max: number;
  histogram: Histogram;
  /** At most `maxPoints` rows, evenly spread over the row order, for a predicted-vs-actual scatter. */
  points: { actual: number[]; predicted: number[] };
};

export function residualsSummary(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  options: { bins?: number; maxPoints?: number } = {},
): ResidualsSummary {
  const n = actual.length;
  const residuals = Float64Array.from({ length: n }, (_, i) => actual[i] - predicted[i]);
  const sorted = Float64Array.from(residuals).sort();
  const rows = pickIndices(n, options.maxPoints ?? 500);
  return {
    definition: 'actual - predicted',
    mean: mean(residuals),
    std: sampleStd(residuals),
    min: n === 0 ? Number.NaN : sorted[0],
    p05: quantile(sorted, 0.05),
    p25: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    p75: quantile(sorted, 0.75),
    p95: quantile(sorted, 0.95),
    max: n === 0 ? Number.NaN : sorted[n - 1],
    histogram: histogram(sorted, options.bins ?? 20),
    points: { actual: rows.map((i) => actual[i]), predicted: rows.map((i) => predicted[i]) },
  };
}
