// The generated binary task of the MLP time-to-accuracy bench: 20 standard-normal features, a
// label from a noisy non-linear score (interactions, a sine, squares, an absolute value), so a
// linear model falls well short of an MLP. Seeded, so TF.js and sklearn see the same rows.
import { mulberry32 } from '../nodes/split/prng';

export interface MlpTask {
  rows: number;
  cols: number;
  /** Row-major features, rows × cols. */
  X: Float64Array;
  /** 0/1 labels. */
  y: Int32Array;
}

export const TASK_COLS = 20;

export function generateMlpTask(rows: number, seed: number): MlpTask {
  const prng = mulberry32(seed);
  const normal = (): number => {
    // Box–Muller; 1 - u keeps log() away from 0.
    const u = 1 - prng.next();
    const v = prng.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const cols = TASK_COLS;
  const X = new Float64Array(rows * cols);
  const y = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const x = X.subarray(r * cols, (r + 1) * cols);
    for (let c = 0; c < cols; c++) x[c] = normal();
    y[r] = score(x) + 0.35 * normal() > 0 ? 1 : 0;
  }
  return { rows, cols, X, y };
}

function score(x: Float64Array): number {
  return (
    0.8 * x[0] -
    0.6 * x[1] +
    0.4 * x[2] +
    x[3] * x[4] +
    0.8 * Math.sin(2 * x[5]) +
    0.5 * (x[6] * x[6] - 1) -
    0.6 * (Math.abs(x[7]) - 0.8) +
    0.4 * x[8] * x[9] * Math.sign(x[10]) +
    0.2 * (x[11] + x[12] - x[13])
  );
}

/** Rows [from, to) as a task of their own (train/holdout cuts of one generated set). */
export function taskRows(task: MlpTask, from: number, to: number): MlpTask {
  return { rows: to - from, cols: task.cols, X: task.X.slice(from * task.cols, to * task.cols), y: task.y.slice(from, to) };
}

/** The rows as CSV with a header f0..f19,y — what the sklearn reference reads. */
export function taskToCsv(task: MlpTask): string {
  const header = [...Array.from({ length: task.cols }, (_, c) => `f${c}`), 'y'].join(',');
  const lines = [header];
  for (let r = 0; r < task.rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < task.cols; c++) cells.push(task.X[r * task.cols + c].toPrecision(9));
    cells.push(String(task.y[r]));
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}
