// Turns a step's progress series into what a loss chart draws: one row per epoch (or iteration)
// with the loss and the validation loss. A hyper-parameter search restarts its epochs with every
// trial, so only the newest trial is drawn, and the chart says which one.
import type { StepView } from './pipeline-types';

type Point = NonNullable<StepView['progressSeries']>[number];

export type LossRow = { x: number; loss?: number; valLoss?: number };

export interface LossSeries {
  /** What the x axis counts. */
  xLabel: 'Epoch' | 'Iteration' | 'Update';
  rows: LossRow[];
  hasValidation: boolean;
  /** Set when the points came from a search: the trial drawn. */
  trial: number | null;
  /** Losses spanning orders of magnitude read better on a log axis (a linear one flattens all but the first epochs). */
  logScale: boolean;
}

/** How many times the largest loss must exceed the smallest for a log axis. */
export const LOG_SCALE_RATIO = 100;

const X_KEYS = [
  ['epoch', 'Epoch'],
  ['iteration', 'Iteration'],
] as const;

export function lossSeries(series: StepView['progressSeries']): LossSeries | null {
  let points = (series ?? []).filter((p) => p.data.loss !== undefined || p.data.valLoss !== undefined);
  if (points.length === 0) return null;
  const trials = points.map((p) => p.data.trial).filter((t) => t !== undefined);
  const trial = trials.length > 0 ? Math.max(...trials) : null;
  if (trial !== null) points = points.filter((p) => p.data.trial === trial);

  const [key, xLabel] = X_KEYS.find(([k]) => increasing(points, k)) ?? [null, 'Update' as const];
  const rows = points.map((p, i): LossRow => {
    const row: LossRow = { x: key ? p.data[key] : i + 1 };
    if (p.data.loss !== undefined) row.loss = p.data.loss;
    if (p.data.valLoss !== undefined) row.valLoss = p.data.valLoss;
    return row;
  });
  const values = rows.flatMap((r) => [r.loss, r.valLoss]).filter((v) => v !== undefined);
  const logScale = values.every((v) => v > 0) && Math.max(...values) >= LOG_SCALE_RATIO * Math.min(...values);
  return { xLabel, rows, hasValidation: rows.some((r) => r.valLoss !== undefined), trial, logScale };
}

/** Every point has the key and it never goes back: usable as the x axis. */
function increasing(points: Point[], key: string): boolean {
  return points.every((p, i) => p.data[key] !== undefined && (i === 0 || p.data[key] > points[i - 1].data[key]));
}
