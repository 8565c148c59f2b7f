// What verifying browser results costs the server (issue 22), on the bundled sample pipelines.
// 1. Server runs (nothing cached) with verification on and off: on, every key the server
//    computes also settles that key's unverified browser results (a query per step).
// 2. A browser run's verification: its deterministic steps re-computed in the worker pool from
//    the same inputs, next to the server running the whole pipeline itself. The browser run is
//    simulated in process: a server run's step results relabelled as unverified browser results
//    (what runner.report records), so both sides measure exactly the server's work.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Plan } from '../engine/plan';
import { closeDb, getDb } from '../server/db/client';
import { stepRuns } from '../server/db/schema';
import { resetEnvForTests } from '../server/env';
import { compileStoredVersion } from '../server/pipelines/compile-doc';
import { seedSampleProject } from '../server/pipelines/seed';
import { insertRun } from '../server/runners/run-store';
import { closeRunManager, getRunManager } from '../server/runtime';

const PIPELINES = ['breast-cancer-explore', 'breast-cancer-classifier', 'card-fraud'];
const ROUNDS = 3;

/** Runs a pipeline on the server with nothing reused; its wall time and run id. */
async function serverRun(pipelineId: string): Promise<{ ms: number; runId: string; plan: Plan }> {
  const db = getDb().anyDb;
  const { stored, plan } = await compileStoredVersion(db, pipelineId);
  const runId = await insertRun(db, { pipelineId, pipelineVersionId: stored.id, plan, trigger: 'api', createdBy: null, useCache: false });
  const t0 = performance.now();
  const status = await getRunManager().start(runId, plan);
  if (status !== 'succeeded') throw new Error(`${pipelineId}: run ${status}`);
  return { ms: performance.now() - t0, runId, plan };
}

function useVerification(on: boolean): Promise<void> {
  process.env.PIPEWORKS_VERIFY = on ? 'on' : 'off';
  resetEnvForTests();
  return closeRunManager();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchVerification() {
  process.env.PIPEWORKS_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'pipeworks-bench-verify-'));
  resetEnvForTests();
  await seedSampleProject(getDb().anyDb);
  const { db } = getDb();
  await useVerification(true);
  for (const id of PIPELINES) await serverRun(id); // warm the worker pool and the caches of the OS

  // 1. Server runs, verification on and off, interleaved so load changes hit both alike.
  const on: number[] = [];
  const off: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const enabled of [true, false]) {
      await useVerification(enabled);
      let total = 0;
      for (const id of PIPELINES) total += (await serverRun(id)).ms;
      (enabled ? on : off).push(total);
    }
  }

  // 2. Verifying a browser run of each pipeline, against the server running it whole.
  await useVerification(true);
  const verifyMs: number[] = [];
  const fullMs: number[] = [];
  let verified = 0;
  let steps = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let verify = 0;
    let full = 0;
    for (const id of PIPELINES) {
      const { ms, runId, plan } = await serverRun(id);
      full += ms;
      db.update(stepRuns).set({ runner: 'browser:web-worker', trust: 'unverified' }).where(eq(stepRuns.runId, runId)).run();
      const t0 = performance.now();
      for (const step of plan.steps) {
        const outcome = await getRunManager().verifier.verify(runId, step);
        if (round === 0 && step.deterministic) steps++;
        if (round === 0 && outcome === 'verified') verified++;
      }
      verify += performance.now() - t0;
      const left = db.select({ trust: stepRuns.trust }).from(stepRuns).where(and(eq(stepRuns.runId, runId), eq(stepRuns.trust, 'mismatch'))).all();
      if (left.length > 0) throw new Error(`${id}: an honest result failed verification`);
    }
    verifyMs.push(verify);
    fullMs.push(full);
  }
  await closeRunManager();
  closeDb();
  const serverOverhead = median(on) / median(off) - 1;
  const browserShare = median(verifyMs) / median(fullMs);
  return [
    {
      name: `server runs of the ${PIPELINES.length} sample pipelines, nothing cached, with verification (settling browser results per key)`,
      figure: `${median(on).toFixed(0)} ms median of ${ROUNDS} (overhead ${(serverOverhead * 100).toFixed(1)}%)`,
      reference: `the same runs with PIPEWORKS_VERIFY=off, ${median(off).toFixed(0)} ms`,
      ratio: median(on) / median(off),
      bar: 'under 10% more',
      pass: serverOverhead < 0.1,
    },
    {
      name: `verifying a browser run of each sample pipeline: ${verified} of ${steps} deterministic steps re-computed and matched (training is never re-computed)`,
      figure: `${median(verifyMs).toFixed(0)} ms median of ${ROUNDS} (${(browserShare * 100).toFixed(1)}% of running them on the server)`,
      reference: `the server running the same pipelines itself, ${median(fullMs).toFixed(0)} ms`,
      ratio: browserShare,
      bar: 'under 10% of the server run',
      pass: browserShare < 0.1,
    },
  ];
}
