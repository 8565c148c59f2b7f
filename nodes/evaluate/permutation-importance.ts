// Permutation feature importance: how much a metric worsens when one raw input column is shuffled,
// breaking its link to the target while keeping its distribution (scikit-learn's
// permutation_importance, with our seeded PRNG, so the same seed gives the same numbers).
import { mulberry32, shuffleInPlace } from '../split/prng';
import type { TableValue } from '../values';
import type { Predictions, Predictor } from './predictor';
import { withColumnPermuted } from './shuffle-column';

export type FeatureImportance = {
  column: string;
  /** Mean worsening of the metric over the repeats (positive: the model relies on this column). */
  mean: number;
  /** Population standard deviation over the repeats, as scikit-learn reports it. */
  std: number;
  scores: number[];
};

export type ImportanceResult = {
  metric: string;
  higherIsBetter: boolean;
  baseline: number;
  repeats: number;
  rows: number;
  seed: number;
  /** Most important first; ties keep the input column order. */
  features: FeatureImportance[];
};

export type ImportanceOptions = {
  columns: readonly string[];
  metric: string;
  higherIsBetter: boolean;
  repeats: number;
  seed: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
};

/** `score` turns predictions on `table` (same rows, same order) into the metric. */
export async function permutationImportance(
  table: TableValue,
  predict: Predictor,
  score: (predictions: Predictions) => number,
  options: ImportanceOptions,
): Promise<ImportanceResult> {
  const rows = table.table.numRows;
  const baseline = score(await predict(table));
  const prng = mulberry32(options.seed);
  const total = options.columns.length * options.repeats;
  const features: FeatureImportance[] = [];
  for (const [c, column] of options.columns.entries()) {
    const scores: number[] = [];
    for (let repeat = 0; repeat < options.repeats; repeat++) {
      options.signal?.throwIfAborted();
      const order = Int32Array.from({ length: rows }, (_, i) => i);
      shuffleInPlace(order, prng);
      const permuted = score(await predict(withColumnPermuted(table, column, order)));
      scores.push(options.higherIsBetter ? baseline - permuted : permuted - baseline);
      options.onProgress?.((c * options.repeats + repeat + 1) / total);
    }
    features.push({ column, ...meanStd(scores), scores });
  }
  // An undefined metric (NaN) sorts last rather than breaking the sort.
  const key = (f: FeatureImportance) => (Number.isNaN(f.mean) ? -Infinity : f.mean);
  features.sort((a, b) => (key(a) > key(b) ? -1 : key(a) < key(b) ? 1 : 0));
  return { metric: options.metric, higherIsBetter: options.higherIsBetter, baseline, repeats: options.repeats, rows, seed: options.seed, features };
}

function meanStd(values: readonly number[]): { mean: number; std: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}
