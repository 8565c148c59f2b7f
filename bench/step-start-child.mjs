// One measurement for bench/step-start.bench.ts, in a fresh plain-Node process (no tsx loaded in
// this process, as under `npm start`): start the server's step pool, run the sample pipeline's first
// step (ingest the bundled breast-cancer data) on a new thread, then the same step again on the
// now-warm thread. argv[2]: `compiled` (must use dist/cli's step worker) or `tsx` (forces tsx).
// Prints {"firstMs", "warmMs"} as JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import { freshStepWorker } from '../bin/cli-build.mjs';

const mode = process.argv[2];
const root = process.cwd();
if (mode === 'tsx') process.env.PIPEWORKS_STEP_WORKER = 'tsx';
else if (mode !== 'compiled') throw new Error(`mode must be compiled or tsx, not ${mode}`);
else if (!freshStepWorker(root).file) throw new Error(`no fresh compiled step worker: ${freshStepWorker(root).reason}`);

const dataDir = mkdtempSync(path.join(tmpdir(), 'pipeworks-step-start-'));
const step = { id: 'ingest', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'breast-cancer' }, inputs: {}, outputs: { table: 'table' }, placement: 'server', deterministic: true, cacheKey: null };

let tasks = 0;

async function runOnce(pool) {
  // A task as worker-pool.ts sends it (server/runners/step-protocol.ts): its lines come back as the
  // pool's 'message' events, unread here; nothing is stopped, so the stop channel stays silent.
  const task = { step, inputs: {}, dataDir, bundledRoot: path.join(root, 'nodes'), testNodes: false, taskKey: String(tasks++), abortChannel: 'pipeworks-step-start-bench' };
  const t0 = performance.now();
  const result = await pool.run(task);
  const ms = performance.now() - t0;
  if (!result.ok) throw new Error(`step failed: ${result.code} ${result.message}`);
  return ms;
}

try {
  const t0 = performance.now();
  // As worker-pool.ts creates it: no thread until the first step.
  const pool = new Piscina({ filename: path.join(root, 'server/runners/step-worker-entry.mjs'), minThreads: 0, maxThreads: 1 });
  await runOnce(pool);
  const firstMs = performance.now() - t0;
  const warmMs = await runOnce(pool);
  await pool.close({ force: true });
  console.log(JSON.stringify({ firstMs, warmMs }));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
