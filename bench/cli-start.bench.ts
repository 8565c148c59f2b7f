// What a `pipeworks` call costs to start and answer: `pipeworks validate` on the sample pipeline as
// CI runs it (a fresh process, the compiled CLI, the database opened), next to `node -e 0` timed
// in the same run, alternately, so a busy machine slows both. Bar: under 0.5 s (issue 15).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

const SAMPLE = 'server/pipelines/samples/breast-cancer-explore.json';
const RUNS = 11;
const BAR_MS = 500;
const TSX_VALIDATE = `const { register } = await import('tsx/esm/api'); register();
const { main } = await import('./server/cli/main.ts'); process.exitCode = await main(['validate', '${SAMPLE}']);`;

function timed(args: string[], env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}:\n${result.stderr || result.stdout}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchCliStart() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pipeworks-cli-bench-'));
  const env = { ...process.env, PIPEWORKS_DATA_DIR: dataDir };
  try {
    // The first call compiles the CLI when a source changed and creates the database: not timed.
    timed(['bin/pipeworks.mjs', 'validate', SAMPLE], env);
    const validate: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      validate.push(timed(['bin/pipeworks.mjs', 'validate', SAMPLE], env));
      bare.push(timed(['-e', '0'], env));
    }
    // What a call cost before the CLI was compiled: the same command through tsx, for scale.
    const viaTsx: number[] = [];
    for (let i = 0; i < 3; i++) viaTsx.push(timed(['--input-type=module', '-e', TSX_VALIDATE], env));
    const ms = median(validate);
    const reference = median(bare);
    return {
      name: '`pipeworks validate` on the sample pipeline, a fresh process each call (compiled CLI)',
      figure: `${ms.toFixed(0)} ms median of ${RUNS} (fastest ${Math.min(...validate).toFixed(0)} ms), load average ${loadavg()[0].toFixed(1)}`,
      reference: `node -e 0 ${reference.toFixed(0)} ms median of ${RUNS}; the same validate through tsx (uncompiled) ${median(viaTsx).toFixed(0)} ms median of 3`,
      ratio: ms / reference,
      bar: `under ${BAR_MS} ms`,
      pass: ms < BAR_MS,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
