// `pipeworks worker --server URL --token TOKEN [--concurrency N]`: run queued steps on this machine
// (server/queue/queue-worker.ts). It needs no data directory: artifacts move over the server's
// worker API. Runs until SIGINT or SIGTERM (finishing the steps it holds) or until its token is revoked.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { formatSeconds } from '../../engine/training-speed';
import { probeCapabilities } from '../queue/capabilities';
import { HeadlessBrowser, headlessPageScript } from '../queue/headless-browser';
import { QueueWorker } from '../queue/queue-worker';
import { redactedUrl } from '../queue/redis-policy';
import { TokenRefusedError, WorkerClient } from '../queue/worker-client';
import { CliError } from './cli-error';

export const WORKER_USAGE = 'worker --server URL --token TOKEN [--concurrency N] [--memory GiB] [--redis URL] [--browser CHROMIUM [--browser-arg FLAG]...]';

const OPTIONS = {
  server: { type: 'string' },
  token: { type: 'string' },
  concurrency: { type: 'string' },
  memory: { type: 'string' },
  redis: { type: 'string' },
  browser: { type: 'string' },
  'browser-arg': { type: 'string', multiple: true },
} as const;

/** Steps at a time when --concurrency is not given: one core left for the rest of the machine. */
export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism() - 1);
}

export async function cmdWorker(args: string[]): Promise<number> {
  let values: Partial<Record<Exclude<keyof typeof OPTIONS, 'browser-arg'>, string>> & { 'browser-arg'?: string[] };
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

  // A headless Chromium for the TF.js training steps of runs no tab drives (--browser).
  const browserPath = values.browser ?? process.env.PIPEWORKS_WORKER_BROWSER;
  const browserArgs = values['browser-arg'] ?? [];
  if (browserArgs.length > 0 && !browserPath) throw new CliError(`worker: --browser-arg is a flag for the browser that --browser starts, and no --browser is given\n${WORKER_USAGE}`, 2);
  if (browserPath !== undefined) {
    if (!existsSync(browserPath)) throw new CliError(`worker: --browser is the path of a Chromium executable, e.g. /usr/bin/chromium; "${browserPath}" does not exist`, 2);
    const bad = browserArgs.find((a) => !a.startsWith('--'));
    if (bad !== undefined) throw new CliError(`worker: --browser-arg takes one Chromium flag starting with --, e.g. --browser-arg=--enable-features=Vulkan (got "${bad}")`, 2);
  }

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
  let browser: HeadlessBrowser | undefined;
  // The worker, once made: the browser's onGone stops it (one that lost its browser must not take more browser steps).
  const made: { worker?: QueueWorker } = {};
  let page: { file: string; dispose(): Promise<void> } | undefined;
  if (browserPath !== undefined) {
    try {
      page = await headlessPageScript(process.cwd(), (line) => console.log(line));
      console.log(`Starting the headless browser and measuring its TF.js backends (seconds; longer on a software WebGPU such as SwiftShader)...`);
      browser = await HeadlessBrowser.launchWithin({
        executablePath: browserPath,
        extraArgs: browserArgs,
        root: process.cwd(),
        pageScript: page.file,
        log: (line) => console.log(line),
        onGone: (reason) => made.worker?.stopBecause(`its headless browser is gone: ${reason}`),
      });
    } catch (error) {
      client.close();
      await page?.dispose();
      throw new CliError(`worker: ${(error as Error).message}`, 1);
    }
    console.log(describeBrowser(browser));
  }
  const capabilities = await probeCapabilities({
    testNodes: process.env.PIPEWORKS_TEST_NODES === '1',
    ...(memoryGiB !== undefined && { memoryBytes: Math.round(memoryGiB * 2 ** 30) }),
    ...(browser && { browser: browser.probe }),
  });
  const worker = new QueueWorker({ client, config: { ...config, redisUrl }, capabilities, concurrency, ...(browser && { browser }) });
  made.worker = worker;
  if (browser?.goneReason) worker.stopBecause(`its headless browser is gone: ${browser.goneReason}`);
  try {
    const queues = await worker.start();
    console.log(`Pipeworks worker ${worker.id}: ${concurrency} at a time from ${queues.join(', ')} on ${redactedUrl(redisUrl)}; artifacts via ${server}`);
  } catch (error) {
    await worker.close();
    client.close();
    await page?.dispose();
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
  await page?.dispose();
  return why.startsWith('SIG') ? 0 : 1;
}

/** One line on what the browser offers, as placement will see it. */
export function describeBrowser(browser: HeadlessBrowser): string {
  const { probe } = browser;
  const adapter = probe.adapter ? `${probe.adapter} (${probe.webgpu})` : probe.webgpu;
  const fastest = probe.speeds[0];
  const reference = browser.referenceSeconds();
  const speed = fastest && reference !== undefined ? `trains fastest on ${fastest.backend}: ${formatSeconds(reference)} for the reference MLP training` : 'measured no TF.js backend, so placement sends it only steps set to run in the browser';
  const failed = probe.failed.length ? `; passed over: ${probe.failed.map((f) => `${f.backend} (${f.reason.slice(0, 120)})`).join(', ')}` : '';
  return `Headless ${browser.version}, WebGPU ${adapter}; ${speed}${failed}`;
}
