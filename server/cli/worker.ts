// `pipeworks worker --server URL --token TOKEN [--concurrency N]`: run queued steps on this machine
// (server/queue/queue-worker.ts). It needs no data directory: artifacts move over the server's
// worker API. Runs until SIGINT or SIGTERM (finishing the steps it holds) or until its token is revoked.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { probeCapabilities } from '../queue/capabilities';
import { QueueWorker } from '../queue/queue-worker';
import { redactedUrl } from '../queue/redis-policy';
import { TokenRefusedError, WorkerClient } from '../queue/worker-client';
import { CliError } from './cli-error';

export const WORKER_USAGE = 'worker --server URL --token TOKEN [--concurrency N] [--memory GiB] [--redis URL]';

const OPTIONS = {
  server: { type: 'string' },
  token: { type: 'string' },
  concurrency: { type: 'string' },
  memory: { type: 'string' },
  redis: { type: 'string' },
} as const;

/** Steps at a time when --concurrency is not given: one core left for the rest of the machine. */
export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism() - 1);
}

export async function cmdWorker(args: string[]): Promise<number> {
  let values: Partial<Record<keyof typeof OPTIONS, string>>;
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, strict: true }));
  } catch (error) {
    throw new CliError(`worker: ${(error as Error).message}\n${WORKER_USAGE}`, 2);
  }
  const server = values.server ?? process.env.PIPEWORKS_SERVER_URL;
  const token = values.token ?? process.env.PIPEWORKS_WORKER_TOKEN;
  if (!server || !token) throw new CliError(`worker: --server and --token (or PIPEWORKS_SERVER_URL and PIPEWORKS_WORKER_TOKEN) are needed\n${WORKER_USAGE}`, 2);
  if (!/^https?:\/\//.test(server)) throw new CliError(`worker: --server is the studio's http(s) URL, e.g. http://10.0.0.5:3000 (got "${server}")`, 2);
  const concurrency = values.concurrency === undefined ? defaultConcurrency() : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new CliError(`worker: --concurrency is a whole number from 1 to 64 (got "${values.concurrency}")`, 2);

  // Steps that need more memory than this are not sent here (default: all of the machine's).
  const memoryGiB = values.memory === undefined ? undefined : Number(values.memory);
  if (memoryGiB !== undefined && !(Number.isFinite(memoryGiB) && memoryGiB > 0 && memoryGiB <= 1 << 20)) throw new CliError(`worker: --memory is the GiB of memory to offer steps, e.g. 16 or 0.5 (got "${values.memory}")`, 2);

  const client = new WorkerClient(server, token);
  let config;
  try {
    config = await client.config();
  } catch (error) {
    if (error instanceof TokenRefusedError) throw new CliError(`worker: ${error.message}`, 1);
    throw new CliError(`worker: cannot reach the server at ${server}: ${(error as Error).message}`, 1);
  }
  // The server says where its Redis is; a worker on another network may reach it by another name.
  const redisUrl = values.redis || process.env.PIPEWORKS_REDIS_URL || config.redisUrl;
  const capabilities = await probeCapabilities({ testNodes: process.env.PIPEWORKS_TEST_NODES === '1', ...(memoryGiB !== undefined && { memoryBytes: Math.round(memoryGiB * 2 ** 30) }) });
  const worker = new QueueWorker({ client, config: { ...config, redisUrl }, capabilities, concurrency });
  try {
    const queues = await worker.start();
    console.log(`Pipeworks worker ${worker.id}: ${concurrency} at a time from ${queues.join(', ')} on ${redactedUrl(redisUrl)}; artifacts via ${server}`);
  } catch (error) {
    await worker.close();
    client.close();
    throw new CliError(`worker: ${(error as Error).message}`, 1);
  }
  const why = await Promise.race([
    worker.stopped,
    new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    }),
  ]);
  console.log(`Worker stopping (${why}): finishing the steps it holds`);
  await worker.close();
  client.close();
  return why.startsWith('SIG') ? 0 : 1;
}
