// BullMQ keeps jobs as Redis keys: a Redis that evicts keys under memory pressure silently loses
// queued steps. So queue mode refuses to start on anything but maxmemory-policy noeviction.
import type { Redis } from 'ioredis';

export class RedisPolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisPolicyError';
  }
}

/** Reads the policy from INFO (CONFIG is often disabled on managed Redis) and throws with the reason. */
export async function assertNoEviction(redis: Redis, where: string): Promise<void> {
  let policy: string | undefined;
  try {
    const info = await redis.info('memory');
    policy = /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
  } catch (cause) {
    throw new RedisPolicyError(`Cannot reach Redis at ${where}: ${(cause as Error).message}`);
  }
  if (!policy) throw new RedisPolicyError(`Redis at ${where} did not report its maxmemory-policy (INFO memory); queue mode needs noeviction`);
  if (policy !== 'noeviction') {
    throw new RedisPolicyError(
      `Redis at ${where} has maxmemory-policy ${policy}: under memory pressure it would evict queued steps and lose runs. ` +
        'Queue mode needs noeviction: run `redis-cli config set maxmemory-policy noeviction` (and set it in redis.conf)',
    );
  }
}

/** The URL without its password, for messages and logs. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured URL';
  }
}
