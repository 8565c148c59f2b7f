// Runs bench/mlp-sklearn.py with Debian's python3-sklearn (/usr/bin/python3: the python3 on PATH
// here is another interpreter without it) and returns its lines, or why it could not.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const SKLEARN_PYTHON = '/usr/bin/python3';

export interface SklearnRun {
  seed: number;
  fitSeconds: number;
  accuracy: number;
  batch?: number;
  lr?: number;
  epochs?: number;
}

export interface SklearnOutput {
  /** numpy's BLAS and its thread count, as threadpoolctl reports it. */
  blas: string;
  version: string;
  runs: SklearnRun[];
}

export type SklearnJob =
  | { mode: 'fit'; batch: number; lr: number; epochs: number; seeds: number }
  | { mode: 'grid'; batches: number[]; lrs: number[]; maxEpochs: number; seeds: number };

export function runSklearnMlp(csvPath: string, trainRows: number, job: SklearnJob, env: NodeJS.ProcessEnv = process.env): SklearnOutput | { missing: string } {
  if (!existsSync(SKLEARN_PYTHON)) return { missing: `${SKLEARN_PYTHON} not found` };
  const script = path.join(import.meta.dirname, 'mlp-sklearn.py');
  const result = spawnSync(SKLEARN_PYTHON, [script, csvPath, String(trainRows), JSON.stringify(job)], { encoding: 'utf8', timeout: 600_000, env });
  if (result.status !== 0) {
    const why = (result.stderr || result.error?.message || 'failed').trim().split('\n').at(-1);
    return { missing: `python3-sklearn reference failed: ${why}` };
  }
  const [head, ...lines] = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
  return { blas: head.blas, version: head.version, runs: lines as SklearnRun[] };
}
