// What every evaluation works on once truth and predictions are lined up row by row, whether the
// predictions came from a model or from columns of the table.

export type ClassificationData = {
  task: 'binary' | 'multiclass';
  /** Class labels in the order of the probability columns. */
  labels: string[];
  /** True class index per row. */
  y: Int32Array;
  /** rows × labels.length probabilities, row-major. */
  proba: Float64Array;
  /** Binary: index of the positive label in `labels`; multiclass: -1. */
  positive: number;
  /** Binary: a row is predicted positive when P(positive) ≥ threshold (a score on it counts as positive). */
  threshold: number;
};

export type RegressionData = { task: 'regression'; actual: Float64Array; predicted: Float64Array };

export type EvaluationData = ClassificationData | RegressionData;

export function rowCount(data: EvaluationData): number {
  return data.task === 'regression' ? data.actual.length : data.y.length;
}

/** Column k of the probabilities. */
export function classColumn(data: ClassificationData, k: number): Float64Array {
  const classes = data.labels.length;
  return Float64Array.from({ length: data.y.length }, (_, r) => data.proba[r * classes + k]);
}

export function isClass(data: ClassificationData, k: number): Uint8Array {
  return Uint8Array.from(data.y, (y) => (y === k ? 1 : 0));
}

/** Binary: thresholded P(positive); multiclass: the most probable class, the first on a tie (np.argmax). */
export function predictedClasses(data: ClassificationData): Int32Array {
  const classes = data.labels.length;
  const rows = data.y.length;
  const out = new Int32Array(rows);
  if (data.task === 'binary') {
    const negative = 1 - data.positive;
    for (let r = 0; r < rows; r++) out[r] = data.proba[r * 2 + data.positive] >= data.threshold ? data.positive : negative;
    return out;
  }
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (data.proba[r * classes + c] > data.proba[r * classes + best]) best = c;
    out[r] = best;
  }
  return out;
}
