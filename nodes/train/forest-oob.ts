// Out-of-bag estimates: each row scored only by the trees that did not see it while training.
import type { FitTarget, Matrix } from './estimator';
import { leafOffset, type Tree } from './forest-tree';

export class OutOfBag {
  readonly sums: Float64Array;
  readonly votes: Int32Array;

  constructor(
    rows: number,
    readonly outputs: number,
  ) {
    this.sums = new Float64Array(rows * outputs);
    this.votes = new Int32Array(rows);
  }

  /** Adds the tree's predictions for the rows it never drew (count 0). */
  add(tree: Tree, X: Matrix, counts: Float64Array): void {
    const { cols, data } = X;
    for (let i = 0; i < X.rows; i++) {
      if (counts[i] !== 0) continue;
      const offset = leafOffset(tree, (f) => data[i * cols + f]);
      for (let k = 0; k < this.outputs; k++) this.sums[i * this.outputs + k] += tree.values[offset + k];
      this.votes[i]++;
    }
  }
}

/** Accuracy and log loss (classification) or R² and MSE (regression) over rows with a vote. */
export function oobScore(oob: OutOfBag, target: FitTarget): { oobScore: number; oobLoss: number; oobRows: number } | undefined {
  const k = oob.outputs;
  let rows = 0;
  let right = 0;
  let loss = 0;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < oob.votes.length; i++) {
    const votes = oob.votes[i];
    if (votes === 0) continue;
    rows++;
    if (target.kind === 'classification') {
      let best = 0;
      for (let c = 1; c < k; c++) if (oob.sums[i * k + c] > oob.sums[i * k + best]) best = c;
      if (best === target.y[i]) right++;
      loss -= Math.log(Math.min(1 - 1e-15, Math.max(1e-15, oob.sums[i * k + target.y[i]] / votes)));
    } else {
      const error = target.y[i] - oob.sums[i] / votes;
      loss += error * error;
      sum += target.y[i];
      sumSq += target.y[i] * target.y[i];
    }
  }
  if (rows === 0) return undefined;
  if (target.kind === 'classification') return { oobScore: right / rows, oobLoss: loss / rows, oobRows: rows };
  const variance = sumSq / rows - (sum / rows) ** 2;
  return { oobScore: variance > 0 ? 1 - loss / rows / variance : 0, oobLoss: loss / rows, oobRows: rows };
}
