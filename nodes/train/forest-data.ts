// What every tree of a forest shares: the features column by column, each value's rank within its
// column (so a node's rows sort with one native numeric sort), and the target.
import type { Matrix } from './estimator';

export interface ForestData {
  rows: number;
  cols: number;
  /** Value (r, c) at columns[c * rows + r]. */
  columns: Float64Array;
  /** Rank of each value within its column (equal values share a rank), same layout. */
  ranks: Int32Array;
  /** Number of classes, or 0 for regression. */
  classes: number;
  /** Class index per row (classification). */
  labels: Int32Array;
  /** Target per row (regression). */
  values: Float64Array;
}

export function forestData(X: Matrix, target: { classes: number; labels?: Int32Array; values?: Float64Array }): ForestData {
  const { rows, cols, data } = X;
  if (rows * rows >= 2 ** 53) throw new Error(`forestData: ${rows} rows is more than a forest can index`);
  const columns = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) columns[c * rows + r] = data[r * cols + c];
  const ranks = new Int32Array(rows * cols);
  for (let c = 0; c < cols; c++) rankInto(columns.subarray(c * rows, (c + 1) * rows), ranks.subarray(c * rows, (c + 1) * rows));
  return {
    rows,
    cols,
    columns,
    ranks,
    classes: target.classes,
    labels: target.labels ?? new Int32Array(rows),
    values: target.values ?? new Float64Array(rows),
  };
}

/** Dense ranks 0.. of `values` in ascending order; NaN is not expected (preprocessing imputes). */
export function rankInto(values: Float64Array, out: Int32Array): void {
  const sorted = Float64Array.from(values).sort();
  const unique: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) unique.push(sorted[i]);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = unique.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (unique[mid] < values[i]) lo = mid + 1;
      else hi = mid;
    }
    out[i] = lo;
  }
}

export type MaxFeatures = 'auto' | 'sqrt' | 'log2' | 'all' | number;

/** Features tried per split; 'auto' is sqrt for classification and all for regression, as in scikit-learn. */
export function featuresPerSplit(choice: MaxFeatures, cols: number, classification: boolean): number {
  let k: number;
  if (typeof choice === 'number') k = Math.floor(choice * cols);
  else if (choice === 'sqrt' || (choice === 'auto' && classification)) k = Math.floor(Math.sqrt(cols));
  else if (choice === 'log2') k = Math.floor(Math.log2(cols));
  else k = cols;
  return Math.min(cols, Math.max(1, k));
}
