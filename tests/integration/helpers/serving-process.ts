// Starts the real serving process (`pipeworks serve`) on a free port over a data directory the
// test seeds itself (server/serving/test-kit.ts), the way `npm start` or a second machine runs it.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, newDataDir } from './server-process';

export interface ServingHandle {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
}

export async function startServing(options: { dataDir?: string; port?: number; env?: Record<string, string>; nodeArgs?: string[] } = {}): Promise<ServingHandle> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? newDataDir();
  let log = '';
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), 'bin/pipeworks.mjs', 'serve'], {
    cwd: process.cwd(),
    env: { ...process.env, PIPEWORKS_DATA_DIR: dataDir, PIPEWORKS_SERVING_PORT: String(port), PIPEWORKS_HOST: '127.0.0.1', NODE_ENV: 'production', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Also on disk, so a failed test can be read after the fact.
  const keep = (d: Buffer) => {
    log += d;
    appendFileSync(path.join(dataDir, 'serving.log'), d);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Serving exited early (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${url}/v2/health/live`);
      if (res.ok) return { url, port, dataDir, child, output: () => log };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`Serving did not come up in 60 s:\n${log}`);
}

export async function stopServing(handle: ServingHandle): Promise<void> {
  if (handle.child.exitCode !== null || handle.child.signalCode) return;
  const exited = new Promise((resolve) => handle.child.once('exit', resolve));
  handle.child.kill('SIGTERM');
  await exited;
}
