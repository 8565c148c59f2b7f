// Binary evaluation speed: the whole metrics report (labels, ROC/PR/calibration curves, AUC, AP,
// log loss, Brier, cost view) on N scored rows, against scikit-learn computing the same numbers
// on the same rows in the same run (Debian's /usr/bin/python3 with python3-sklearn).
// Run: npx tsx bench/evaluate-metrics.bench.ts [rows]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildReport } from '../nodes/evaluate/metrics-report';
import { mulberry32 } from '../nodes/split/prng';

const BAR_RATIO = 3;
const PYTHON = '/usr/bin/python3';

const SKLEARN = `
import sys, time, json
import numpy as np
from sklearn.metrics import (accuracy_score, precision_score, recall_score, f1_score, roc_curve, roc_auc_score,
    precision_recall_curve, average_precision_score, log_loss, brier_score_loss, confusion_matrix)
from sklearn.calibration import calibration_curve
import sklearn
y = np.fromfile(sys.argv[1], dtype=np.uint8).astype(np.int64)
p = np.fromfile(sys.argv[2], dtype=np.float64)
best = float('inf')
for _ in range(3):
    t = time.perf_counter()
    pred = (p >= 0.5).astype(np.int64)
    out = [accuracy_score(y, pred), precision_score(y, pred), recall_score(y, pred), f1_score(y, pred),
           confusion_matrix(y, pred), roc_curve(y, p), roc_auc_score(y, p), precision_recall_curve(y, p),
           average_precision_score(y, p), log_loss(y, p), brier_score_loss(y, p), calibration_curve(y, p, n_bins=10)]
    best = min(best, time.perf_counter() - t)
print(json.dumps({"ms": best * 1000, "roc_auc": out[6], "sklearn": sklearn.__version__}))
`;

export async function benchEvaluateMetrics(rows = 1_000_000) {
  const prng = mulberry32(42);
  const y = new Uint8Array(rows);
  const proba = new Float64Array(rows * 2);
  const p = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    y[r] = prng.next() < 0.1 ? 1 : 0;
    // Scores rounded to 1e-4 so there are many ties, as real model outputs have.
    p[r] = Math.round(1e4 / (1 + Math.exp(-(prng.next() * 4 - 3 + 2.5 * y[r])))) / 1e4;
    proba[r * 2] = 1 - p[r];
    proba[r * 2 + 1] = p[r];
  }
  const data = { task: 'binary' as const, labels: ['0', '1'], y: Int32Array.from(y), proba, positive: 1, threshold: 0.5 };
  const cost = { matrix: { truePositiveValue: 50, falsePositiveCost: 5, falseNegativeCost: 200, trueNegativeValue: 0 }, currency: 'EUR' };
  let ms = Infinity;
  let auc = Number.NaN;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const report = buildReport(data, { source: 'predictions', target: 'y', droppedRows: 0, cost });
    ms = Math.min(ms, performance.now() - start);
    auc = report.metrics.roc_auc ?? Number.NaN;
  }

  const dir = mkdtempSync(join(tmpdir(), 'pipeworks-bench-'));
  try {
    writeFileSync(join(dir, 'y.bin'), y);
    writeFileSync(join(dir, 'p.bin'), new Uint8Array(p.buffer));
    const reference = JSON.parse(execFileSync(PYTHON, ['-c', SKLEARN, join(dir, 'y.bin'), join(dir, 'p.bin')], { encoding: 'utf8' }));
    const ratio = ms / reference.ms;
    return {
      name: `binary evaluation report on ${rows.toLocaleString('en-US')} rows`,
      figure: `${ms.toFixed(0)} ms (best of 3), ROC AUC ${auc.toFixed(6)}`,
      reference: `scikit-learn ${reference.sklearn} ${reference.ms.toFixed(0)} ms, ROC AUC ${reference.roc_auc.toFixed(6)}`,
      ratio,
      bar: `at most ${BAR_RATIO}× scikit-learn, same AUC to 1e-6`,
      pass: ratio <= BAR_RATIO && Math.abs(auc - reference.roc_auc) <= 1e-6,
    };
  } catch (error) {
    return { name: `binary evaluation report on ${rows} rows`, figure: `${ms.toFixed(0)} ms`, reference: `unavailable: ${String(error).split('\n')[0]} (needs ${PYTHON} with python3-sklearn)`, ratio: Number.NaN, bar: `at most ${BAR_RATIO}× scikit-learn`, pass: false };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchEvaluateMetrics(Number(process.argv[2] ?? 1_000_000));
  console.log(`${result.pass ? 'PASS' : 'MISS'}  ${result.name}`);
  console.log(`      ${result.figure}; reference: ${result.reference}; ratio ${result.ratio.toFixed(2)}×; bar: ${result.bar}`);
}
