// What the implementation hashes cost `npm run build`: the hash step exactly as the build runs it
// (`node bin/node-hashes.mjs`, a fresh process), then `next build` itself, in the same run.
// Bar: the hashes add under 2 s. Runs a real production build into .next.
import { spawnSync } from 'node:child_process';

function timed(command: string, args: string[]): number {
  const t0 = performance.now();
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr || result.stdout}`);
  return ms;
}

export async function benchBuildHashes() {
  const hashes: number[] = [];
  for (let i = 0; i < 3; i++) hashes.push(timed(process.execPath, ['bin/node-hashes.mjs']));
  const build = timed(process.execPath, ['node_modules/next/dist/bin/next', 'build']);
  hashes.sort((a, b) => a - b);
  const median = hashes[1];
  return {
    name: 'implementation hashes added to npm run build',
    figure: `${(median / 1000).toFixed(2)} s median of 3 (node bin/node-hashes.mjs, process start included)`,
    reference: `next build ${(build / 1000).toFixed(1)} s`,
    ratio: median / build,
    bar: 'under 2 s',
    pass: median < 2000,
  };
}
