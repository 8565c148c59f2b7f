// Queue mode's throughput and cost (issue 18): 1,000 short steps (the test-only sleep node, 0 ms,
// on a small table) through BullMQ on real Redis, run by 1 and then 2 `pipeworks worker` processes,
// next to the same 1,000 steps in the in-process thread pool, all in one run. The 2:1 throughput
// ratio shows whether the queue is the bottleneck (bar: above 1.6). The bar row runs the workers as
// `pipeworks worker --server URL --token TOKEN` starts them, with no --concurrency: one step at a
// time fewer than the machine's cores (1 here, on 2 cores). A second row repeats it with 2 at a
// time per process, where one worker already keeps both cores busy. The per-step overhead is the
// queue's wall time per step minus the pool's, both with 2 steps at a time per process. The last
// row repeats the 1:2 comparison with steps that wait 5 ms on a timer instead of using CPU.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { PlanStep } from '../engine/plan';
import { encodeValue } from '../nodes/codec';
import { tableValue } from '../nodes/table/column-schema';
import { tableFromColumns } from '../nodes/table/table-from-columns';
import { createUser } from '../server/auth/users';
import { defaultConcurrency } from '../server/cli/worker';
import { closeDb, getDb } from '../server/db/client';
import { resetEnvForTests } from '../server/env';
import { QueueStepRunner } from '../server/queue/queue-runner';
import { connectedWorkers } from '../server/queue/worker-registry';
import { createWorkerToken } from '../server/queue/worker-tokens';
import { StepWorkerPool } from '../server/runners/worker-pool';
import { writeArtifactBytes } from '../server/store/artifact-files';
import type { BenchRow } from './bench-row';
import { startWorkerApi } from './queue-http';

const STEPS = 1000;
const PER_PROCESS = 2;
const REDIS = process.env.PIPEWORKS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** PIPEWORKS_BENCH_CPU_PROF=DIR: each worker process writes a CPU profile there (run the bench itself under --cpu-prof). */
const PROFILE_ARGS = process.env.PIPEWORKS_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PIPEWORKS_BENCH_CPU_PROF}`] : [];

/** Steps of the third row wait this long without using CPU (a timer), as a step waiting on I/O would. */
const WAIT_MS = 5;

const step = (i: number, inputId: string, ms = 0): { step: PlanStep; inputs: Record<string, { id: string; kind: 'table'; size: number }> } => ({
  step: { id: `s${i}`, type: 'testing/sleep', version: 1, params: { ms, spin: false }, inputs: { table: { step: 'src', port: 'table' } } as never, outputs: { table: 'table' }, placement: 'server', deterministic: true, cacheKey: null },
  inputs: { table: { id: inputId, kind: 'table', size: 0 } },
});

const hooks = () => ({ signal: new AbortController().signal, log: () => {}, progress: () => {} });

/** CPU seconds a process (all its threads) has used so far, from /proc: Linux only, 10 ms ticks. */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100)
}

/** Redis's own CPU so far. Redis is shared with whatever else runs on this machine: an upper bound. */
async function redisCpuMs(queue: QueueStepRunner): Promise<number> {
  const info = await queue.redisInfo('cpu');
  const field = (name: string) => Number(new RegExp(`^${name}:([0-9.]+)`, 'm').exec(info)?.[1] ?? NaN);
  return (field('used_cpu_user') + field('used_cpu_sys')) * 1000;
}

/**
 * Lua script calls Redis has run so far (BullMQ's add, fetch, progress, finish, isFinished): most of
 * Redis's CPU per step, and a count, so steadier than CPU time on a loaded machine.
 */
async function redisScriptCalls(queue: QueueStepRunner): Promise<number> {
  const stats = await queue.redisInfo('commandstats');
  return ['evalsha', 'eval'].reduce((sum, name) => sum + Number(new RegExp(`^cmdstat_${name}:calls=(\\d+)`, 'm').exec(stats)?.[1] ?? 0), 0);
}

interface CpuSplit {
  server: number;
  workers: number;
  redis: number;
  /** Redis script calls per step, from every client (shared Redis: an upper bound). */
  scripts: number;
}

/** What each side spent per step while `fn` ran, in CPU milliseconds. */
async function cpuPerStep(queue: QueueStepRunner, children: ChildProcess[], fn: () => Promise<number>): Promise<{ ms: number; cpu: CpuSplit }> {
  const workersCpu = () => children.reduce((sum, c) => sum + processCpuMs(c.pid!), 0);
  const before = { server: processCpuMs(process.pid), workers: workersCpu(), redis: await redisCpuMs(queue), scripts: await redisScriptCalls(queue) };
  const ms = await fn();
  const after = { server: processCpuMs(process.pid), workers: workersCpu(), redis: await redisCpuMs(queue), scripts: await redisScriptCalls(queue) };
  const per = (key: keyof CpuSplit) => (after[key] - before[key]) / STEPS;
  return { ms, cpu: { server: per('server'), workers: per('workers'), redis: per('redis'), scripts: per('scripts') } };
}

const describeCpu = ({ server, workers, redis, scripts }: CpuSplit) =>
  `CPU per step: server ${server.toFixed(2)} ms, workers ${workers.toFixed(2)} ms, Redis ${redis.toFixed(2)} ms; ${scripts.toFixed(2)} Redis script calls per step`;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export async function benchQueue(): Promise<BenchRow[]> {
  // The pool's threads and the workers both run the compiled step worker; compile it if stale.
  spawnSync(process.execPath, ['bin/build-cli.mjs', '--quiet'], { stdio: 'inherit' });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pipeworks-bench-queue-'));
  const prefix = `bench-${process.pid}-${Date.now()}`;
  Object.assign(process.env, { PIPEWORKS_DATA_DIR: dataDir, PIPEWORKS_TEST_NODES: '1', PIPEWORKS_REDIS_URL: REDIS, PIPEWORKS_QUEUE_PREFIX: prefix });
  resetEnvForTests();
  const { anyDb } = getDb();
  const admin = await createUser(anyDb, { email: 'bench@example.com', name: 'Bench', role: 'admin', password: 'bench password 1' });
  const { token } = await createWorkerToken(anyDb, admin.id, 'bench');
  const table = tableValue(tableFromColumns([{ info: { name: 'x', type: 'numeric', role: 'feature' }, values: Array.from({ length: 100 }, (_, i) => i) }]));
  const { id: inputId } = await writeArtifactBytes(dataDir, encodeValue(table).bytes);
  const api = await startWorkerApi();
  // As the server builds it (server/runners/run-manager.ts): a step asks which workers are connected.
  const queue = new QueueStepRunner(REDIS, dataDir, prefix, () => connectedWorkers(anyDb));
  await queue.ready;
  const children: ChildProcess[] = [];
  /** Workers seen connected so far: a new one counts once its own id shows up (stopped ones stay listed until their heartbeat lapses). */
  const seen = new Set<string>();
  /** A `pipeworks worker` process; `concurrency` undefined: as started with no --concurrency. */
  const startWorker = async (concurrency?: number) => {
    const args = ['bin/pipeworks.mjs', 'worker', '--server', api.url, '--token', token, ...(concurrency === undefined ? [] : ['--concurrency', String(concurrency)])];
    const child = spawn(process.execPath, [...PROFILE_ARGS, ...args], { env: { ...process.env, PIPEWORKS_REDIS_URL: '' }, stdio: 'ignore' });
    children.push(child);
    const deadline = Date.now() + 120_000;
    for (;;) {
      const fresh = (await connectedWorkers(anyDb)).filter((w) => !seen.has(w.id));
      if (fresh.length > 0) {
        seen.add(fresh[0].id);
        return;
      }
      if (Date.now() > deadline) throw new Error('a bench worker did not report within 2 minutes');
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const stopWorkers = async () => {
    await Promise.all(children.splice(0).map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : (child.once('exit', resolve), child.kill('SIGTERM'))))));
  };
  let batch = 0;
  const throughQueue = (ms = 0) => {
    batch++;
    return timed(() => Promise.all(Array.from({ length: STEPS }, (_, i) => step(i, inputId, ms)).map(({ step: s, inputs }, i) => queue.run(`b${batch}-${i}`, s, inputs, hooks()))));
  };
  const warm = (n: number) => {
    batch++;
    return Promise.all(Array.from({ length: n }, (_, i) => queue.run(`warm${batch}-${i}`, step(i, inputId).step, step(i, inputId).inputs, hooks())));
  };
  /** 1,000 short steps on one worker, then on two, each started with `concurrency`; and the same with waiting steps. */
  const oneThenTwo = async (concurrency?: number) => {
    await startWorker(concurrency);
    await warm(4);
    const one = await cpuPerStep(queue, children, () => throughQueue());
    const oneWaitMs = await throughQueue(WAIT_MS);
    await startWorker(concurrency);
    await warm(8);
    const two = await cpuPerStep(queue, children, () => throughQueue());
    const twoWaitMs = await throughQueue(WAIT_MS);
    await stopWorkers();
    return { one, two, oneWaitMs, twoWaitMs };
  };
  try {
    const pool = new StepWorkerPool({ threads: PER_PROCESS, dataDir, bundledRoot: path.join(process.cwd(), 'nodes'), testNodes: true });
    await pool.run(step(-1, inputId).step, step(-1, inputId).inputs, hooks()); // thread start-up is not per-step cost
    const poolCpu0 = processCpuMs(process.pid);
    const poolMs = await timed(() => Promise.all(Array.from({ length: STEPS }, (_, i) => step(i, inputId)).map(({ step: s, inputs }) => pool.run(s, inputs, hooks()))));
    const poolCpu = (processCpuMs(process.pid) - poolCpu0) / STEPS;
    await pool.close();

    const byDefault = await oneThenTwo();
    const loadDefault = loadavg()[0].toFixed(1);
    const pair = await oneThenTwo(PER_PROCESS);
    const load = loadavg()[0].toFixed(1);
    const at = defaultConcurrency();
    const perStep = (ms: number) => (ms / STEPS).toFixed(2);
    const throughput = (runs: typeof pair, atATime: string, loadAvg: string, barred: boolean): BenchRow => {
      const ratio = runs.one.ms / runs.two.ms;
      return {
        name: `queue: ${STEPS} short steps on 2 worker processes vs 1 (${atATime}), real Redis`,
        figure: `${((STEPS / runs.two.ms) * 1000).toFixed(0)} steps/s on 2 (${(runs.two.ms / 1000).toFixed(1)} s; ${describeCpu(runs.two.cpu)}), load average ${loadAvg}`,
        reference: `${((STEPS / runs.one.ms) * 1000).toFixed(0)} steps/s on 1 worker process (${(runs.one.ms / 1000).toFixed(1)} s; ${describeCpu(runs.one.cpu)})`,
        ratio,
        bar: barred ? 'throughput ratio above 1.6 (the queue is not the bottleneck)' : 'measured (no bar: one such worker already keeps most of the 2 cores busy, so a second has little left to add)',
        pass: barred ? ratio > 1.6 : true,
      };
    };
    // Steps that wait without CPU show whether a second worker doubles what one does when cores are not what limits it.
    const waiting = (runs: typeof pair, atATime: number): BenchRow => ({
      name: `queue: ${STEPS} steps that each wait ${WAIT_MS} ms without CPU, on 2 worker processes vs 1 (${atATime} at a time each)`,
      figure: `${((STEPS / runs.twoWaitMs) * 1000).toFixed(0)} steps/s on 2 (${(runs.twoWaitMs / 1000).toFixed(1)} s)`,
      reference: `${((STEPS / runs.oneWaitMs) * 1000).toFixed(0)} steps/s on 1 worker process (${(runs.oneWaitMs / 1000).toFixed(1)} s; at most ${((atATime / WAIT_MS) * 1000).toFixed(0)} steps/s with ${atATime} at a time)`,
      ratio: runs.oneWaitMs / runs.twoWaitMs,
      bar: 'measured (no bar: shows the queue scaling where steps do not compete for the cores)',
      pass: true,
    });
    return [
      throughput(byDefault, `${at} at a time each: \`pipeworks worker\` with no --concurrency on ${availableParallelism()} cores`, loadDefault, true),
      throughput(pair, `${PER_PROCESS} at a time each: --concurrency ${PER_PROCESS}`, load, false),
      {
        name: `queue: per-step overhead next to the in-process pool (${STEPS} steps, ${PER_PROCESS} at a time)`,
        figure: `${perStep(pair.one.ms)} ms per step on 1 worker process, ${(pair.one.ms / STEPS - poolMs / STEPS).toFixed(2)} ms above the pool, load average ${load}`,
        reference: `in-process thread pool ${perStep(poolMs)} ms per step (CPU per step ${poolCpu.toFixed(2)} ms, threads included)`,
        ratio: pair.one.ms / poolMs,
        bar: 'measured (no bar: a queued step also crosses Redis and HTTP twice)',
        pass: true,
      },
      waiting(byDefault, at),
      waiting(pair, PER_PROCESS),
    ];
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await queue.close();
    api.server.closeAllConnections();
    api.server.close();
    closeDb();
  }
}
