// Queue tests need a real Redis. Where none answers they are skipped, and say so; with
// PIPEWORKS_REQUIRE_REDIS=1 (set by .ci/run) the same absence fails them instead.
import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from './server-process';

export const TEST_REDIS_URL = process.env.PIPEWORKS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** True when Redis answers PING; false (after printing why the tests are skipped) when it does not. */
export async function redisForTests(url = TEST_REDIS_URL): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000, retryStrategy: () => null });
  let cause: string | undefined;
  redis.on('error', (error: Error) => (cause ??= error.message));
  let problem: string | null = null;
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    problem = cause ?? (error as Error).message;
  } finally {
    redis.disconnect();
  }
  if (problem === null) return true;
  if (process.env.PIPEWORKS_REQUIRE_REDIS === '1') {
    throw new Error(`Redis unreachable at ${url} (${problem}), and PIPEWORKS_REQUIRE_REDIS=1 says the queue tests must run`);
  }
  console.warn(`skipped: Redis unreachable at ${url} (${problem}); set PIPEWORKS_REQUIRE_REDIS=1 to fail instead`);
  return false;
}

/** A private redis-server (for settings the shared one must not change), or null without the binary. */
export async function privateRedis(args: string[]): Promise<{ url: string; stop: () => void } | null> {
  const port = await freePort();
  let child: ChildProcess;
  try {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...args], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const spawned = await new Promise<boolean>((resolve) => {
    child.once('error', () => resolve(false));
    child.once('spawn', () => resolve(true));
  });
  if (!spawned) return null;
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => {});
    const ok = await probe.connect().then(
      () => true,
      () => false,
    );
    probe.disconnect();
    if (ok) return { url, stop: () => child.kill('SIGKILL') };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  return null;
}
