// Runs the benchmarks in order and prints one table. Each figure sits next to a reference measured
// in the same run, so the ratio stays meaningful on a busy or different machine.
import { benchCachedRun } from './cached-run.bench';
import { benchCachedRunHttp } from './cached-run-http.bench';
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

export async function runAll(_args: string[]): Promise<number> {
  const rows: Row[] = [];
  const compile = await benchCompile();
  rows.push({
    name: `compile a generated ${compile.nodes}-node pipeline`,
    figure: `${compile.ms.toFixed(1)} ms median of ${compile.iterations}`,
    reference: `JSON round trip of the document ${compile.referenceMs.toFixed(2)} ms`,
    ratio: compile.ratio,
    bar: `under ${compile.barMs} ms`,
    pass: compile.pass,
  });
  rows.push(await benchCachedRun());
  rows.push(await benchCachedRunHttp());
  rows.push(await benchCsv());
  rows.push(await benchMlp());
  rows.push(await benchLogistic());

  console.log(`\nPipeworks benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
  for (const r of rows) {
    console.log(`${r.pass ? 'PASS' : 'MISS'}  ${r.name}`);
    console.log(`      ${r.figure}; reference: ${r.reference}; ratio ${r.ratio.toFixed(2)}×; bar: ${r.bar}`);
  }
  return rows.every((r) => r.pass) ? 0 : 1;
}
