// Starts the real production server (`next start`, built by `npm run build`) on a free port with
// its own data directory, the way a user runs it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ServerHandle {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export function newDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'pipeworks-it-'));
}

/** `env` adds to or overrides the server's environment (e.g. small upload limits for a test). */
export async function startServer(options: { dataDir?: string; port?: number; env?: Record<string, string> } = {}): Promise<ServerHandle> {
  // PIPEWORKS_DIST_DIR (next.config.js) lets two builds share a checkout; the server then serves that one.
  const distDir = process.env.PIPEWORKS_DIST_DIR || '.next';
  if (!existsSync(path.join(process.cwd(), distDir, 'BUILD_ID'))) {
    throw new Error(`No production build in ${distDir}: run \`npm run build\` first (npm test does this before the integration tests).`);
  }
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? newDataDir();
  let log = '';
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: process.cwd(),
    env: { ...process.env, PIPEWORKS_DATA_DIR: dataDir, PIPEWORKS_TEST_NODES: '1', PORT: String(port), NODE_ENV: 'production', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Server exited early (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { url, port, dataDir, child, output: () => log };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`Server did not become healthy in 60 s:\n${log}`);
}

export async function stopServer(handle: ServerHandle, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (handle.child.exitCode !== null || handle.child.signalCode) return;
  const exited = new Promise((resolve) => handle.child.once('exit', resolve));
  handle.child.kill(signal);
  await exited;
}
