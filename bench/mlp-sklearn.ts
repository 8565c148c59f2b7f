// Runs bench/mlp-sklearn.py with Debian's python3-sklearn (/usr/bin/python3: the python3 on PATH
// here is another interpreter without it) and returns its runs, or why it could not.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const SKLEARN_PYTHON = '/usr/bin/python3';

export interface SklearnRun {
  seed: number;
  fitSeconds: number;
  accuracy: number;
}

export function runSklearnMlp(csvPath: string, trainRows: number, repeats: number): SklearnRun[] | { missing: string } {
  if (!existsSync(SKLEARN_PYTHON)) return { missing: `${SKLEARN_PYTHON} not found` };
  const script = path.join(import.meta.dirname, 'mlp-sklearn.py');
  const result = spawnSync(SKLEARN_PYTHON, [script, csvPath, String(trainRows), String(repeats)], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (result.status !== 0) {
    const why = (result.stderr || result.error?.message || 'failed').trim().split('\n').at(-1);
    return { missing: `python3-sklearn reference failed: ${why}` };
  }
  return result.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as SklearnRun);
}
