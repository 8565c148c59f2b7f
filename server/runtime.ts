// The process-wide runtime of the server: one database, one run manager. Held on globalThis so
// Next's module reloading in development never starts a second worker pool.
import path from 'node:path';
import { getEnv } from './env';
import { getDb } from './db/client';
import { RunManager } from './runners/run-manager';

const key = Symbol.for('pipeworks.runtime');
const holder = globalThis as unknown as { [key]?: RunManager };

export function bundledRoot(): string {
  return path.join(process.cwd(), 'nodes');
}

export function getRunManager(): RunManager {
  if (!holder[key]) {
    const env = getEnv();
    const { anyDb } = getDb();
    holder[key] = new RunManager(anyDb, {
      threads: env.PIPEWORKS_WORKERS,
      dataDir: env.PIPEWORKS_DATA_DIR,
      bundledRoot: bundledRoot(),
      testNodes: env.PIPEWORKS_TEST_NODES,
      redisUrl: env.PIPEWORKS_REDIS_URL,
      queuePrefix: env.PIPEWORKS_QUEUE_PREFIX,
      browserTimeoutMs: env.PIPEWORKS_BROWSER_TIMEOUT_S * 1000,
      verify: { enabled: env.PIPEWORKS_VERIFY, fullBytes: env.PIPEWORKS_VERIFY_FULL_MB * 2 ** 20, sampleRate: env.PIPEWORKS_VERIFY_SAMPLE, seed: env.PIPEWORKS_VERIFY_SEED },
    });
  }
  return holder[key];
}

export async function closeRunManager(): Promise<void> {
  const manager = holder[key];
  holder[key] = undefined;
  await manager?.close();
}
