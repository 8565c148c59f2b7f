// Label metrics from a confusion matrix, with scikit-learn's definitions and zero_division=0:
// a precision or recall whose denominator is 0 counts as 0, as scikit-learn reports it (with a warning).

/** matrix[t][p]: rows whose true class is t and predicted class is p, classes by index. */
export type ConfusionMatrix = number[][];

export function confusionMatrix(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, classes: number): ConfusionMatrix {
  if (yTrue.length !== yPred.length) throw new Error(`confusionMatrix: ${yTrue.length} true, ${yPred.length} predicted`);
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < yTrue.length; i++) matrix[yTrue[i]][yPred[i]]++;
  return matrix;
}

export function accuracy(matrix: ConfusionMatrix): number {
  let correct = 0;
  let total = 0;
  matrix.forEach((row, t) =>
    row.forEach((count, p) => {
      total += count;
      if (t === p) correct += count;
    }),
  );
  return total === 0 ? Number.NaN : correct / total;
}

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  /** Rows whose true class this is. */
  support: number;
  /** Rows predicted as this class. */
  predicted: number;
}

/** One-vs-rest scores of class k. F1 as scikit-learn 1.2 writes it: 2PR / (P + R), 0 when P + R = 0. */
export function classScores(matrix: ConfusionMatrix, k: number): ClassScores {
  const tp = matrix[k][k];
  const support = matrix[k].reduce((a, b) => a + b, 0);
  const predicted = matrix.reduce((sum, row) => sum + row[k], 0);
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = support === 0 ? 0 : tp / support;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support, predicted };
}

export type Averaged = { precision: number; recall: number; f1: number };

/**
 * macro: the plain mean over classes that occur in the truth or the predictions (scikit-learn's
 * default label set); weighted: the mean weighted by support.
 */
export function averagedScores(matrix: ConfusionMatrix, average: 'macro' | 'weighted'): Averaged {
  const perClass = matrix.map((_, k) => classScores(matrix, k));
  const used = perClass.filter((s) => s.support > 0 || s.predicted > 0);
  const weights = used.map((s) => (average === 'macro' ? 1 : s.support));
  const total = weights.reduce((a, b) => a + b, 0);
  const mean = (pick: (s: ClassScores) => number) =>
    total === 0 ? 0 : used.reduce((sum, s, i) => sum + weights[i] * pick(s), 0) / total;
  return { precision: mean((s) => s.precision), recall: mean((s) => s.recall), f1: mean((s) => s.f1) };
}
