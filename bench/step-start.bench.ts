// What a first step pays for its worker thread's start (issue 18): a fresh plain-Node process starts
// the server's step pool and runs the sample pipeline's first step on a new thread, with the step
// worker compiled (dist/cli, as `npm start` and the CLI run it) and through tsx (as before), alternately
// with `node -e 0`, so a busy machine slows all three. The same step on the warm thread shows what is
// start-up and what is work.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import type { BenchRow } from './bench-row';

const RUNS = 7;

function spawnTimed(args: string[]): { ms: number; stdout: string } {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}:\n${result.stderr || result.stdout}`);
  return { ms, stdout: result.stdout };
}

function child(mode: 'compiled' | 'tsx'): { firstMs: number; warmMs: number } {
  const { stdout } = spawnTimed(['bench/step-start-child.mjs', mode]);
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { firstMs: number; warmMs: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchStepStart(): Promise<BenchRow> {
  // Untimed warm-up; the compiled child refuses a stale build, so compile first when a source
  // changed since, as `pipeworks` itself would.
  try {
    child('compiled');
  } catch {
    spawnTimed(['bin/build-cli.mjs', '--quiet']);
    child('compiled');
  }
  child('tsx');
  const compiled: { firstMs: number; warmMs: number }[] = [];
  const tsx: { firstMs: number; warmMs: number }[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    compiled.push(child('compiled'));
    tsx.push(child('tsx'));
    bare.push(spawnTimed(['-e', '0']).ms);
  }
  const first = median(compiled.map((r) => r.firstMs));
  const warm = median(compiled.map((r) => r.warmMs));
  const tsxFirst = median(tsx.map((r) => r.firstMs));
  const tsxWarm = median(tsx.map((r) => r.warmMs));
  const nodeMs = median(bare);
  return {
    name: 'first step on a new step-pool thread (sample ingest, breast-cancer): compiled step worker vs tsx',
    figure: `${first.toFixed(0)} ms median of ${RUNS} (warm thread ${warm.toFixed(0)} ms), load average ${loadavg()[0].toFixed(1)}`,
    reference: `node -e 0 ${nodeMs.toFixed(0)} ms; the same through tsx ${tsxFirst.toFixed(0)} ms (warm ${tsxWarm.toFixed(0)} ms), ${(tsxFirst / first).toFixed(1)}× slower`,
    ratio: first / nodeMs,
    bar: 'faster than the same first step through tsx',
    pass: first < tsxFirst,
  };
}
