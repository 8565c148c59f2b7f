// A `pipeworks worker` process for the queue tests, its output kept for the failure report, and the
// polling wait those tests share.
import { spawn, type ChildProcess } from 'node:child_process';

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
}

/** Starts `pipeworks worker` against `serverUrl`; it finds Redis through the server (PIPEWORKS_REDIS_URL cleared). */
export function spawnWorker(serverUrl: string, token: string, args: string[], env: Record<string, string> = {}): WorkerProcess {
  let log = '';
  const child = spawn(process.execPath, ['bin/pipeworks.mjs', 'worker', '--server', serverUrl, '--token', token, ...args], {
    env: { ...process.env, PIPEWORKS_REDIS_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  return { child, output: () => log };
}

/** Polls `fn` until it gives a value, or fails naming `what` after `ms`. */
export async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, ms = 60_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await fn();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`Timed out waiting for ${what}`);
}
