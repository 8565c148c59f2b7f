// Runs the benchmarks in order and prints one table. Each figure sits next to a reference measured
// in the same run, so the ratio stays meaningful on a busy or different machine.
import { availableParallelism, loadavg } from 'node:os';
import { benchArtifactLag } from './artifact-lag.bench';
import { benchBrowserTraining } from './browser-training.bench';
import { benchBuildHashes } from './build-hashes.bench';
import { benchCachedRun } from './cached-run.bench';
import { benchCachedRunHttp } from './cached-run-http.bench';
import { benchCanvasOpen } from './canvas-open.bench';
import { benchComparePage } from './compare-page.bench';
import { benchCliStart } from './cli-start.bench';
import { benchCompile } from './compile.bench';
import { benchCsv } from './csv.bench';
import { benchDashboard } from './dashboard.bench';
import { benchDrift } from './drift.bench';
import { benchMlp } from './mlp.bench';
import { benchLogistic } from './logistic.bench';
import { benchLogisticPipeline } from './logistic-pipeline.bench';
import { onnxScoringRows } from './onnx-scoring.bench';
import { benchRegistry } from './registry.bench';
import { benchSandbox } from './sandbox.bench';
import { benchServe } from './serve.bench';
import { benchStepStart } from './step-start.bench';
import { benchQueue } from './queue.bench';
import { benchVerification } from './verification.bench';
import type { BenchRow } from './bench-row';
import { summaryTable } from './summary-table';

type Row = BenchRow;

/** `npm run bench -- canvas` runs only the benchmarks whose name contains one of the words given. */
export async function runAll(args: string[]): Promise<number> {
  const rows: Row[] = [];
  const names = args.filter((a) => !a.startsWith('--'));
  const wanted = (key: string) => names.length === 0 || names.some((a) => key.includes(a));
  if (wanted('compile')) {
    const compile = await benchCompile();
    rows.push({
      name: `compile a generated ${compile.nodes}-node pipeline`,
      figure: `${compile.ms.toFixed(1)} ms median of ${compile.iterations}`,
      reference: `JSON round trip of the document ${compile.referenceMs.toFixed(2)} ms`,
      ratio: compile.ratio,
      bar: `under ${compile.barMs} ms`,
      pass: compile.pass,
    });
  }
  if (wanted('cli-start')) rows.push(await benchCliStart());
  if (wanted('step-start')) rows.push(await benchStepStart());
  if (wanted('queue')) rows.push(...(await benchQueue()));
  if (wanted('cached-run')) rows.push(await benchCachedRun());
  if (wanted('cached-run-http')) rows.push(await benchCachedRunHttp());
  if (wanted('canvas')) rows.push(await benchCanvasOpen());
  if (wanted('compare')) rows.push(await benchComparePage());
  if (wanted('csv')) rows.push(await benchCsv());
  if (wanted('dashboard')) rows.push(...(await benchDashboard()));
  if (wanted('drift')) rows.push(...(await benchDrift()));
  if (wanted('mlp')) rows.push(...(await benchMlp()));
  if (wanted('logistic')) rows.push(await benchLogistic(), await benchLogisticPipeline());
  if (wanted('onnx-scoring')) rows.push(...(await onnxScoringRows()));
  if (wanted('browser-training')) rows.push(await benchBrowserTraining());
  if (wanted('build-hashes')) rows.push(await benchBuildHashes());
  if (wanted('artifact-lag')) {
    const a = await benchArtifactLag();
    rows.push({
      name: `serving-thread stall while a ${a.rows.toLocaleString('en')}-row table artifact (${a.megabytes.toFixed(0)} MB) is opened: first page and column statistics`,
      figure: `worst event-loop delay ${a.workerMaxLagMs.toFixed(1)} ms with the work in the artifact worker pool (${a.workerWallMs.toFixed(0)} ms wall), load average ${a.loadAverage.toFixed(1)}`,
      reference: `the same work on the serving thread, ${a.mainMaxLagMs.toFixed(1)} ms stall (${a.mainWallMs.toFixed(0)} ms wall)`,
      ratio: a.mainMaxLagMs / Math.max(a.workerMaxLagMs, 1),
      bar: `stall under ${a.barMs} ms`,
      pass: a.workerMaxLagMs < a.barMs,
    });
  }
  if (wanted('sandbox')) rows.push(await benchSandbox());
  if (wanted('serve')) rows.push(...(await benchServe(args)));
  if (wanted('verification')) rows.push(...(await benchVerification()));
  if (wanted('registry')) {
    const r = await benchRegistry();
    const ms = (t: { p95: number; median: number; cpuP95: number }) => `p95 ${t.p95.toFixed(2)} ms (median ${t.median.toFixed(2)}, CPU p95 ${t.cpuP95.toFixed(2)})`;
    for (const [name, figures] of [
      ['runs table: 10,000 runs × 50 params × 50 metrics, page of 50 sorted by a metric, filtered by a param', r.runs],
      ['registry list: 2,000 model versions × 50 params × 50 metrics, page of 50 sorted by a metric, filtered by a param', r.registry],
    ] as const) {
      rows.push({
        name,
        figure: `${ms(figures.indexed)} server-side, load average ${r.loadAverage.toFixed(1)}, seeded in ${r.seedSeconds.toFixed(0)} s`,
        reference: `the same query without its (key, value) indexes, ${ms(figures.unindexed)}`,
        ratio: figures.unindexed.p95 / figures.indexed.p95,
        bar: `p95 under ${r.barMs} ms`,
        pass: figures.indexed.p95 < r.barMs,
      });
    }
  }

  console.log(`\nPipeworks benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
  for (const r of rows) {
    console.log(`${r.pass ? 'PASS' : 'MISS'}  ${r.name}`);
    console.log(`      ${r.figure}; reference: ${r.reference}; ratio ${r.ratio.toFixed(2)}×; bar: ${r.bar}`);
  }
  const load = loadavg().map((l) => l.toFixed(1)).join(', ');
  console.log(`\nSummary (markdown; load average now ${load} on ${availableParallelism()} cores):\n`);
  for (const line of summaryTable(rows)) console.log(line);
  return rows.every((r) => r.pass) ? 0 : 1;
}
