// `pipeworks worker`'s engine: serve every queue this worker's capabilities allow, run each step
// through the same worker-thread step runner the server's pool uses (server/runners/step-worker.ts)
// with a local scratch store as its data directory, and move artifacts over the worker API.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { hostname, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { NodeRunError } from '../../engine/errors';
import type { StepHooks } from '../../engine/execute-types';
import { StepWorkerPool } from '../runners/worker-pool';
import { artifactPath } from '../store/artifact-files';
import type { WorkerCapabilities } from './capabilities';
import type { HeadlessBrowser } from './headless-browser';
import { LocalArtifactCache } from './local-cache';
import { StepMessageBatch } from './message-batch';
import { assertNoEviction, redactedUrl } from './redis-policy';
import { cancelChannel, cancelKey, queuesChannel, queuesKey, type StepJobData, type StepJobMessage, type StepJobResult } from './step-job';
import { canServe, offerOf, queuesServedBy } from './step-routing';
import { MissingArtifactError, TokenRefusedError, type WorkerClient, type WorkerConfig } from './worker-client';

/**
 * A killed worker's job is noticed once its lock lapses (lockDuration) at the next stalled-job
 * check on a live worker (stalledInterval): within 20 s here, not BullMQ's default 60 s. Locks are
 * renewed every lockDuration / 2 from this process's event loop, which steps never block (they run
 * in worker threads). A job that stalls on three workers in a row is failed, not retried forever.
 */
export const WORKER_LOCKS = { lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 2 } as const;
const PROGRESS_EVERY_MS = 250;
const RESCAN_MS = 10_000;

export interface QueueWorkerOptions {
  client: WorkerClient;
  config: WorkerConfig;
  capabilities: WorkerCapabilities;
  concurrency: number;
  /**
   * A headless browser (`--browser`), started and measured already: it runs the browser-placed
   * steps, from and into the worker's local store; the rest run in the threads. Closed with the worker.
   */
  browser?: HeadlessBrowser;
  log?: (line: string) => void;
}

export class QueueWorker {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private workers: Worker<StepJobData, StepJobResult>[] = [];
  private readonly connections: Redis[] = [];
  /** The steps running here, by job id, so a cancel from the server can abort them. */
  private readonly running = new Map<string, AbortController>();
  private commands: Redis | undefined;
  private readonly served = new Set<string>();
  private rescan: NodeJS.Timeout | undefined;
  private pool: StepWorkerPool | undefined;
  private cache: LocalArtifactCache | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private active = 0;
  private readonly startedAt = Date.now();
  private stopping: Promise<void> | undefined;
  /** Settles with the reason the worker stopped on its own (its token was revoked, its browser died). */
  readonly stopped: Promise<string>;
  private stop!: (reason: string) => void;

  constructor(private readonly options: QueueWorkerOptions) {
    this.stopped = new Promise((resolve) => (this.stop = resolve));
  }

  private log(line: string): void {
    (this.options.log ?? console.log)(line);
  }

  async start(): Promise<string[]> {
    const { config, capabilities, concurrency } = this.options;
    const probe = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
    probe.on('error', () => {});
    try {
      await probe.connect();
      await assertNoEviction(probe, redactedUrl(config.redisUrl));
    } finally {
      probe.disconnect();
    }
    this.cache = new LocalArtifactCache(await mkdtemp(path.join(tmpdir(), 'pipeworks-worker-')));
    this.pool = new StepWorkerPool({ threads: concurrency, dataDir: this.cache.dir, bundledRoot: path.join(process.cwd(), 'nodes'), testNodes: capabilities.routed.includes('test-nodes') });
    this.options.browser?.useStore(this.cache.dir);
    await this.listenForCancels();
    await this.beat();
    this.heartbeat = setInterval(() => void this.beat(), config.heartbeatMs);
    for (const name of queuesServedBy(capabilities.routed)) this.serve(name);
    await this.serveAnnounced();
    // A missed announcement (a reconnect) is caught up with here.
    this.rescan = setInterval(() => void this.serveAnnounced().catch((error: Error) => this.log(`[worker] reading the queue list failed: ${error.message}`)), RESCAN_MS);
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
    return [...this.served];
  }

  private serve(name: string): void {
    if (this.served.has(name) || this.stopping) return;
    this.served.add(name);
    const { config, concurrency } = this.options;
    const connection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
    this.connections.push(connection);
    const worker = new Worker<StepJobData, StepJobResult>(name, (job) => this.process(job), {
      connection,
      prefix: config.prefix,
      // Each queue takes up to `concurrency`; the pool's threads cap the steps that run at once.
      concurrency,
      ...WORKER_LOCKS,
    });
    worker.on('error', (error) => this.log(`[worker] queue ${name}: ${error.message}`));
    this.workers.push(worker);
  }

  /** Serves every queue with a memory tier the server has announced that this worker can take. */
  private async serveAnnounced(): Promise<void> {
    const offer = offerOf(this.options.capabilities.facts);
    for (const name of await this.commands!.smembers(queuesKey(this.options.config.prefix))) {
      if (canServe(offer, name) && !this.served.has(name)) {
        this.serve(name);
        this.log(`[worker] now serving ${name}`);
      }
    }
  }

  /** A subscriber connection of its own (subscribed, a connection takes no other commands). */
  private async listenForCancels(): Promise<void> {
    const { redisUrl, prefix } = this.options.config;
    const subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const commands = new Redis(redisUrl, { maxRetriesPerRequest: null });
    for (const c of [subscriber, commands]) c.on('error', (error) => this.log(`[worker] Redis: ${error.message}`));
    this.connections.push(subscriber, commands);
    this.commands = commands;
    const cancels = cancelChannel(prefix);
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === cancels) this.running.get(message)?.abort();
      else void this.serveAnnounced().catch((error: Error) => this.log(`[worker] reading the queue list failed: ${error.message}`));
    });
    await subscriber.subscribe(cancels, queuesChannel(prefix));
  }

  private async beat(): Promise<void> {
    try {
      await this.options.client.heartbeat({
        workerId: this.id,
        hostname: hostname(),
        capabilities: this.options.capabilities.facts,
        concurrency: this.options.concurrency,
        active: this.active,
        loadAverage: loadavg()[0],
        startedAt: this.startedAt,
      });
    } catch (error) {
      if (error instanceof TokenRefusedError) this.stop(error.message);
      else this.log(`[worker] heartbeat failed: ${(error as Error).message}`);
    }
  }

  private async process(job: Job<StepJobData, StepJobResult>): Promise<StepJobResult> {
    const { step, inputs, extraArtifacts } = job.data;
    const cache = this.cache!;
    const jobId = job.id!;
    const controller = new AbortController();
    this.running.set(jobId, controller);
    this.active++;
    await cache.enter();
    const batch = new StepMessageBatch((messages) => job.updateProgress(messages));
    const send = (message: StepJobMessage) => batch.add(message);
    send({ type: 'taken', workerId: this.id });
    // Where it ran is part of the step's log: a re-run after a worker died shows both workers.
    send({ type: 'log', level: 'info', message: `Running on queue worker ${this.id} (attempt ${job.attemptsMade + 1})` });
    try {
      // Registered before this check, so a cancel published meanwhile is heard by one or the other.
      if (await this.commands!.exists(cancelKey(this.options.config.prefix, jobId, job.data.queuedAs))) controller.abort();
      for (const id of new Set([...Object.values(inputs).map((ref) => ref.id), ...extraArtifacts])) {
        if (controller.signal.aborted) break;
        await cache.acquire(id, (missing) => this.options.client.download(missing));
      }
      let lastProgress = 0;
      const hooks: StepHooks = {
        signal: controller.signal,
        log: (level, message) => send({ type: 'log', level, message }),
        progress: (fraction, message, data) => {
          const now = Date.now();
          if (now - lastProgress < PROGRESS_EVERY_MS && fraction < 1) return;
          lastProgress = now;
          send({ type: 'progress', fraction, message, data });
        },
      };
      if (controller.signal.aborted) throw cancelledHere();
      // Routing sends browser-placed steps only to a worker with a browser (step-routing.ts).
      const result = step.placement === 'browser' && this.options.browser ? await this.options.browser.run(step, inputs, hooks) : await this.pool!.run(step, inputs, hooks);
      // A step that finished as the cancel came is not the run's result: nothing of it is uploaded.
      if (controller.signal.aborted) throw cancelledHere();
      // An output equal to one of the step's inputs (a node that passes a table through) is on the
      // server already: it named it as an input of this running step. For the others one request
      // asks which the server lacks (none on a re-run of the same step), and only those move.
      const given = new Set([...Object.values(inputs).map((ref) => ref.id), ...extraArtifacts]);
      const outputIds = [...new Set(Object.values(result.outputs).map((ref) => ref.id))].filter((id) => !given.has(id));
      for (const id of await this.options.client.missing(outputIds)) {
        await this.options.client.upload(id, await readFile(artifactPath(cache.dir, id)));
      }
      return { ok: true, ...result, workerId: this.id, messages: batch.take() };
    } catch (error) {
      // The node's own failure (bad data, a bug in user code) is the step's result, kept as it is.
      if (!controller.signal.aborted && error instanceof NodeRunError && error.code !== 'worker_crashed') {
        return { ok: false, code: error.code, message: error.message, workerId: this.id, messages: batch.take() };
      }
      // A thrown attempt has no result to carry its lines: they reach the server before its failure.
      await batch.flush().catch(() => {});
      if (controller.signal.aborted) {
        // Failed for good: BullMQ must not retry a step the run no longer wants.
        this.log(`[worker] step ${step.id} of run ${job.data.runId ?? '(none)'} cancelled by the server`);
        throw new UnrecoverableError(`Cancelled: the run was cancelled while step ${step.id} ran on queue worker ${this.id}`);
      }
      if (error instanceof TokenRefusedError) {
        this.stop(error.message);
        throw error; // retried on a worker whose token still holds
      }
      if (error instanceof MissingArtifactError) throw new UnrecoverableError(error.message);
      throw error;
    } finally {
      this.running.delete(jobId);
      this.active--;
      cache.leave();
    }
  }

  /** Something the worker depends on is gone (its headless browser): `stopped` settles with the reason. */
  stopBecause(reason: string): void {
    this.stop(reason);
  }

  /** Stops taking jobs, lets running steps finish, and cleans up. */
  close(): Promise<void> {
    this.stopping ??= (async () => {
      clearInterval(this.heartbeat);
      clearInterval(this.rescan);
      await Promise.allSettled(this.workers.map((w) => w.close()));
      // BullMQ leaves connections it was given open; they would keep the process alive.
      for (const connection of this.connections) connection.disconnect();
      await this.pool?.close();
      await this.options.browser?.close();
      this.cache?.dispose();
      if (this.cache) await rm(this.cache.dir, { recursive: true, force: true });
    })();
    return this.stopping;
  }
}

const cancelledHere = () => Object.assign(new Error('Cancelled'), { name: 'AbortError' });
