// `pipeworks start` (what `npm start` runs): the studio and the serving process side by side,
// signals passed on to both, and when either one dies the other is stopped too.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { freePort, newDataDir } from './helpers/server-process';

function launch(env: Record<string, string>) {
  let log = '';
  const child = spawn(process.execPath, ['bin/pipeworks.mjs', 'start'], {
    cwd: process.cwd(),
    env: { ...process.env, PIPEWORKS_DATA_DIR: newDataDir(), NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, log: () => log };
}

async function answers(url: string): Promise<boolean> {
  return fetch(url).then(
    (res) => res.ok,
    () => false,
  );
}

async function until(check: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

it('starts the studio and the serving process, and stops both on SIGTERM', async () => {
  const distDir = process.env.PIPEWORKS_DIST_DIR || '.next';
  if (!existsSync(path.join(process.cwd(), distDir, 'BUILD_ID'))) throw new Error(`No production build in ${distDir}: run \`npm run build\` first`);
  const [port, servingPort] = [await freePort(), await freePort()];
  const started = launch({ PORT: String(port), PIPEWORKS_SERVING_PORT: String(servingPort) });
  await until(async () => (await answers(`http://127.0.0.1:${port}/api/health`)) && (await answers(`http://127.0.0.1:${servingPort}/v2/health/live`)));
  started.child.kill('SIGTERM');
  expect(await started.exited).toBe(0);
  expect(await answers(`http://127.0.0.1:${port}/api/health`)).toBe(false);
  expect(await answers(`http://127.0.0.1:${servingPort}/v2/health/live`)).toBe(false);
});

it('stops the serving process and exits non-zero when the studio cannot run', async () => {
  const [port, servingPort] = [await freePort(), await freePort()];
  // No build in this directory: next start exits at once.
  const started = launch({ PORT: String(port), PIPEWORKS_SERVING_PORT: String(servingPort), PIPEWORKS_DIST_DIR: '.no-such-build' });
  expect(await started.exited).toBe(1);
  expect(started.log()).toMatch(/the studio process exited \(code 1\); stopping the rest/);
  expect(await answers(`http://127.0.0.1:${servingPort}/v2/health/live`)).toBe(false);
});
