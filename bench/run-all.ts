// Runs the benchmarks in order and prints one table. Each figure sits next to a reference measured
// in the same run, so the ratio stays meaningful on a busy or different machine.
import { benchBrowserTraining } from './browser-training.bench';
import { benchBuildHashes } from './build-hashes.bench';
import { benchCachedRun } from './cached-run.bench';
import { benchCachedRunHttp } from './cached-run-http.bench';
import { benchCanvasOpen } from './canvas-open.bench';
import { benchCompile } from './compile.bench';
import { benchCsv } from './csv.bench';
import { benchMlp } from './mlp.bench';
import { benchLogistic } from './logistic.bench';

interface Row {
  name: string;
  figure: string;
  reference: string;
  ratio: number;
  bar: string;
  pass: boolean;
}

/** `npm run bench -- canvas` runs only the benchmarks whose name contains one of the words given. */
export async function runAll(args: string[]): Promise<number> {
  const rows: Row[] = [];
  const wanted = (key: string) => args.length === 0 || args.some((a) => key.includes(a));
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
  if (wanted('cached-run')) rows.push(await benchCachedRun());
  if (wanted('cached-run-http')) rows.push(await benchCachedRunHttp());
  if (wanted('canvas')) rows.push(await benchCanvasOpen());
  if (wanted('csv')) rows.push(await benchCsv());
  if (wanted('mlp')) rows.push(await benchMlp());
  if (wanted('logistic')) rows.push(await benchLogistic());
  if (wanted('browser-training')) rows.push(await benchBrowserTraining());
  if (wanted('build-hashes')) rows.push(await benchBuildHashes());

  console.log(`\nPipeworks benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
  for (const r of rows) {
    console.log(`${r.pass ? 'PASS' : 'MISS'}  ${r.name}`);
    console.log(`      ${r.figure}; reference: ${r.reference}; ratio ${r.ratio.toFixed(2)}×; bar: ${r.bar}`);
  }
  return rows.every((r) => r.pass) ? 0 : 1;
}
