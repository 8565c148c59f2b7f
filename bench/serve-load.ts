// Helpers of the serve benchmark: CPU time per request of a process (from /proc, so the figure
// holds on a busy machine, where wall-clock rates move with other work), and a training run of
// the studio's run manager beside serving.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const TICKS_PER_SECOND = 100;

/** User + system CPU seconds of a process (all its threads), or of one thread of it. */
export function cpuSeconds(pid: number, thread?: number): number {
  const file = thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`;
  const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** CPU per request over `work`: the whole process and its main thread, in microseconds. */
export async function cpuPerRequest<T extends { requests: { total: number } }>(pid: number, work: () => Promise<T>): Promise<{ result: T; processUs: number; mainUs: number }> {
  const [p0, m0] = [cpuSeconds(pid), cpuSeconds(pid, pid)];
  const result = await work();
  const n = Math.max(1, result.requests.total);
  return { result, processUs: ((cpuSeconds(pid) - p0) * 1e6) / n, mainUs: ((cpuSeconds(pid, pid) - m0) * 1e6) / n };
}

export interface TrainingRun {
  child: ChildProcess;
  running(): boolean;
  stop(): Promise<void>;
}

/**
 * `pipeworks run` of bench/serve-training-pipeline.json on the serving process's data directory:
 * the studio's run manager and step worker threads, writing its run events to the same database.
 * Resolves once the data steps are done and the MLP is training.
 */
export async function startTraining(dataDir: string): Promise<TrainingRun> {
  const child = spawn(process.execPath, ['bin/pipeworks.mjs', 'run', path.join('bench', 'serve-training-pipeline.json')], {
    env: { ...process.env, PIPEWORKS_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (d) => (log += d));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      log += d;
      if (/succeeded\s+split\b/.test(log)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the training run exited (${code}) before training:\n${log}`)));
  });
  return {
    child,
    running: () => child.exitCode === null && child.signalCode === null,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
