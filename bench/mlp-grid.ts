// scikit-learn's best time to our accuracy: over a small grid of batch size × learning rate ×
// epochs, the cheapest point whose median holdout accuracy over the seeds reaches ours, then that
// point re-run as plain fit() calls so the figure is an ordinary fit, not partial_fit epochs.
import { runSklearnMlp, type SklearnOutput, type SklearnRun } from './mlp-sklearn';

export const GRID = { batches: [256, 512, 1024], lrs: [0.003, 0.01, 0.03], maxEpochs: 5, seeds: 3 };

export interface GridPoint {
  batch: number;
  lr: number;
  epochs: number;
  seconds: number;
  accuracy: number;
}

export interface GridResult {
  blas: string;
  points: GridPoint[];
  /** The cheapest point reaching the target, or undefined when none did. */
  best?: GridPoint;
  /** The best point re-run with fit(), median over `seeds` seeds. */
  confirmed?: { seconds: number; accuracy: number; runs: SklearnRun[] };
}

const mid = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export function sklearnGrid(csv: string, trainRows: number, target: number, confirmSeeds: number): GridResult | { missing: string } {
  const grid = runSklearnMlp(csv, trainRows, { mode: 'grid', ...GRID });
  if ('missing' in grid) return grid;
  const groups = new Map<string, SklearnRun[]>();
  for (const r of grid.runs) {
    const key = `${r.batch}/${r.lr}/${r.epochs}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const points = [...groups.values()].map((runs) => ({
    batch: runs[0].batch!,
    lr: runs[0].lr!,
    epochs: runs[0].epochs!,
    seconds: mid(runs.map((r) => r.fitSeconds)),
    accuracy: mid(runs.map((r) => r.accuracy)),
  }));
  const reaching = points.filter((p) => p.accuracy >= target).sort((a, b) => a.seconds - b.seconds);
  const best = reaching[0];
  if (!best) return { blas: grid.blas, points };
  const fit: SklearnOutput | { missing: string } = runSklearnMlp(csv, trainRows, { mode: 'fit', batch: best.batch, lr: best.lr, epochs: best.epochs, seeds: confirmSeeds });
  if ('missing' in fit) return fit;
  const confirmed = { seconds: mid(fit.runs.map((r) => r.fitSeconds)), accuracy: mid(fit.runs.map((r) => r.accuracy)), runs: fit.runs };
  return { blas: grid.blas, points, best, confirmed };
}
