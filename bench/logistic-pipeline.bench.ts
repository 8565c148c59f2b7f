// The whole logistic pipeline on a table with categorical columns (bench/logistic-pipeline-task.ts,
// 100k rows: 12 numeric, 4 categorical with 4–32 levels; 80k train, 20k holdout): our logistic
// regression train node (Arrow table → impute, standard scaling, one-hot → L-BFGS fit) against
// scikit-learn's Pipeline(ColumnTransformer(StandardScaler, OneHotEncoder), LogisticRegression),
// both at LogisticRegression's defaults, in alternating fits of one run. Bar: at most scikit-learn's time.
// Run alone: npx tsx bench/logistic-pipeline.bench.ts
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ModelValue } from '../nodes/models/model-artifact';
import { predictTable } from '../nodes/models/predict';
import { fakeContext } from '../nodes/testing/fake-context';
import { logisticRegressionNode } from '../nodes/train/logistic-regression.node.ts';
import type { BenchRow } from './bench-row';
import { generatePipelineTask, LEVELS, NUMERIC, pipelineTable, pipelineTaskCsv } from './logistic-pipeline-task';

const ROWS = 100_000;
const TRAIN_ROWS = 80_000;
const REPEATS = 5;
const PYTHON = '/usr/bin/python3';

interface SklearnLine {
  fitSeconds: number;
  iterations: number;
  accuracy: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (seconds: number) => `${(seconds * 1000).toFixed(0)} ms`;

function runSklearn(csv: string): { version: string; blas: string; runs: SklearnLine[] } | { missing: string } {
  if (!existsSync(PYTHON)) return { missing: `${PYTHON} not found (Debian python3-sklearn)` };
  const script = path.join(import.meta.dirname, 'logistic-pipeline-sklearn.py');
  const result = spawnSync(PYTHON, [script, csv, String(TRAIN_ROWS), '1'], { encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) return { missing: `scikit-learn pipeline failed: ${(result.stderr || result.error?.message || 'failed').trim().split('\n').at(-1)}` };
  const [head, ...lines] = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
  return { version: head.version, blas: head.blas, runs: lines };
}

export async function benchLogisticPipeline(): Promise<BenchRow> {
  const task = generatePipelineTask(ROWS, 7);
  const dir = mkdtempSync(path.join(tmpdir(), 'pipeworks-logistic-pipeline-'));
  const csv = path.join(dir, 'task.csv');
  writeFileSync(csv, pipelineTaskCsv(task));
  const train = pipelineTable(task, 0, TRAIN_ROWS);
  const holdout = pipelineTable(task, TRAIN_ROWS, ROWS);
  const params = logisticRegressionNode.params.parse({}); // standard scaling, one-hot, C 1, tol 1e-4
  const fit = async () => ((await logisticRegressionNode.run({ inputs: { train }, params, ctx: fakeContext() })).model as ModelValue).model;
  let model = await fit(); // warm-up, as scikit-learn's numpy paths are warm after import
  const times: number[] = [];
  const sklearnRuns: SklearnLine[] = [];
  let sklearn: { version: string; blas: string } | { missing: string } = { missing: 'not run' };
  try {
    // Alternate one scikit-learn fit (its own process, import not timed) and one of ours.
    for (let i = 0; i < REPEATS; i++) {
      const s = runSklearn(csv);
      if ('missing' in s) sklearn = s;
      else {
        sklearn = s;
        sklearnRuns.push(...s.runs);
      }
      const started = performance.now();
      model = await fit();
      times.push((performance.now() - started) / 1000);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const scores = (await predictTable(model, holdout, { backends: [] })).scores;
  let right = 0;
  for (let i = 0; i < ROWS - TRAIN_ROWS; i++) if ((scores[2 * i + 1] > 0.5 ? 1 : 0) === task.y[TRAIN_ROWS + i]) right++;
  const accuracy = right / (ROWS - TRAIN_ROWS);
  const iterations = (model.training as { iterations?: number }).iterations;
  const seconds = median(times);

  const name = `logistic regression, whole pipeline (standard scaling + one-hot + fit), ${TRAIN_ROWS / 1000}k rows × ${NUMERIC} numeric + ${LEVELS.length} categorical (${LEVELS.join('/')} levels)`;
  const bar = "time ≤ scikit-learn's Pipeline(ColumnTransformer(StandardScaler, OneHotEncoder), LogisticRegression)";
  const figure = `train node ${ms(seconds)} (${times.map(ms).join(', ')}), ${iterations ?? '?'} L-BFGS iterations, holdout accuracy ${accuracy.toFixed(4)}, 1 thread`;
  if ('missing' in sklearn) return { name, figure, reference: `missing: ${sklearn.missing}`, ratio: NaN, bar, pass: false };
  const s = median(sklearnRuns.map((r) => r.fitSeconds));
  const peer = `scikit-learn ${sklearn.version} Pipeline.fit ${ms(s)} (${sklearnRuns.map((r) => ms(r.fitSeconds)).join(', ')}), ${sklearnRuns[0].iterations} iterations, holdout accuracy ${sklearnRuns[0].accuracy.toFixed(4)}, BLAS ${sklearn.blas}`;
  const ratio = seconds / s;
  return {
    name,
    figure: `${figure}, median of ${REPEATS}`,
    reference: peer,
    ratio,
    bar,
    pass: ratio <= 1,
    peer: { work: `logistic regression pipeline (scaling + one-hot + fit), 80k × 16 with categoricals`, ours: `${ms(seconds)}, accuracy ${accuracy.toFixed(4)}, 1 thread`, peer, ratio },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const row = await benchLogisticPipeline();
  console.log(`\n${row.pass ? 'PASS' : 'MISS'}  ${row.name}\n      ${row.figure}; reference: ${row.reference}; ratio ${row.ratio.toFixed(2)}×; bar: ${row.bar}`);
}
