// Fully cached re-run of the sample pipeline through the server runner, end to end:
// compile, store the run, look up every step's cache key, verify artifacts, persist events.
// Reference: the first, uncached run of the same pipeline in the same process.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { closeDb, getDb } from '../server/db/client';
import { resetEnvForTests } from '../server/env';
import { seedSampleProject } from '../server/pipelines/seed';
import { startRun } from '../server/pipelines/start-run';
import { readRun } from '../server/runners/read-run';
import { closeRunManager, getRunManager } from '../server/runtime';

async function timedRun(): Promise<{ ms: number; statuses: string[] }> {
  const t0 = performance.now();
  const { runId } = await startRun(getDb().anyDb, { pipelineId: 'breast-cancer-explore', trigger: 'api', userId: null });
  await getRunManager().whenDone(runId);
  const ms = performance.now() - t0;
  return { ms, statuses: (await readRun(getDb().anyDb, runId))!.steps.map((s) => s.status) };
}

export async function benchCachedRun() {
  process.env.PIPEWORKS_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'pipeworks-bench-'));
  resetEnvForTests();
  await seedSampleProject(getDb().anyDb);
  const cold = await timedRun();
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const run = await timedRun();
    if (run.statuses.some((s) => s !== 'cached')) throw new Error(`re-run was not fully cached: ${run.statuses.join(',')}`);
    times.push(run.ms);
  }
  await closeRunManager();
  closeDb();
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  return {
    name: 'cached re-run of the sample pipeline (4 steps)',
    figure: `${median.toFixed(1)} ms median of 20 (p95 ${times[Math.floor(times.length * 0.95)].toFixed(1)} ms)`,
    reference: `first uncached run ${cold.ms.toFixed(0)} ms`,
    ratio: median / cold.ms,
    bar: 'under 300 ms',
    pass: median < 300,
  };
}
