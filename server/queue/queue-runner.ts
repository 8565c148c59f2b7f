// Queue mode's side of the server: a ready step becomes a BullMQ job, a `pipeworks worker`
// somewhere runs it, and this waits for its result. Replaces the thread pool's `run` one for one
// (server/runners/run-manager.ts), so execution, caching and recording stay as they are.
import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { NodeRunError } from '../../engine/errors';
import type { StepHooks } from '../../engine/execute-types';
import type { ArtifactRef, PlanStep } from '../../engine/plan';
import type { PoolStepResult } from '../runners/worker-pool';
import { hasArtifactFile, isArtifactId } from '../store/artifact-files';
import { assertNoEviction, redactedUrl } from './redis-policy';
import { CANCEL_KEY_TTL_S, cancelChannel, cancelKey, queuesChannel, queuesKey, stepJobId, type StepJobData, type StepJobMessage, type StepJobResult } from './step-job';
import { BASE_QUEUES, queueName, stepNeeds, whyWaiting } from './step-routing';

/**
 * Retries are BullMQ's own: a worker that throws (lost its connection to the server, crashed the
 * step's thread) gets the job again after 1 s, then 2 s. A node's own failure is not thrown, so it
 * is not retried (the same inputs fail the same way) and its message reaches the run as it was.
 */
export const STEP_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  // Kept for an hour so a server that restarts mid-run finds a finished step's result instead of
  // running it again; failures for a day, for whoever looks into them.
  removeOnComplete: { age: 3600, count: 50_000 },
  removeOnFail: { age: 24 * 3600, count: 50_000 },
} as const;

const WORKERS_FRESH_MS = 1_000;

export class QueueStepRunner {
  private readonly connection: Redis;
  private readonly queues = new Map<string, Queue<StepJobData, StepJobResult>>();
  /** Per queue, its event reader once it listens from a known stream position (see listening()). */
  private readonly events = new Map<string, Promise<QueueEvents>>();
  private readonly listeners = new Map<string, (message: StepJobMessage) => void>();
  /**
   * Steps waiting for their job to finish, by job id: one completed and one failed listener per
   * queue settle them all, where BullMQ's job.waitUntilFinished adds three listeners per job and
   * asks Redis once more (a script call) whether the job had finished already.
   */
  private readonly finishing = new Map<string, { resolve: (result: StepJobResult) => void; reject: (error: Error) => void }>();
  /** BullMQ leaves connections it was given open on close; these are closed here. */
  private readonly eventConnections: Redis[] = [];
  /** The connected workers as last read, and when: see workersNow(). */
  private workersSeen: { at: number; workers: Promise<readonly { capabilities: Record<string, unknown> }[]> } | undefined;
  /** Settles once Redis answered and its policy was checked; rejects with the reason to refuse. */
  readonly ready: Promise<void>;

  constructor(
    private readonly url: string,
    private readonly dataDir: string,
    /** Starts every Redis key the queue writes (PIPEWORKS_QUEUE_PREFIX). */
    private readonly prefix: string,
    /** The workers connected now and what they reported having: to say why a step waits. */
    private readonly connectedWorkers: () => Promise<readonly { capabilities: Record<string, unknown> }[]> = () => Promise.resolve([]),
  ) {
    const connection = new Redis(url, { maxRetriesPerRequest: null });
    connection.on('error', (error) => console.warn(`[queue] Redis at ${redactedUrl(url)}: ${error.message}`));
    this.connection = connection;
    this.ready = (async () => {
      await assertNoEviction(connection, redactedUrl(url));
      await Promise.all(BASE_QUEUES.map((name) => this.listening(name)));
    })();
    this.ready.catch((error: Error) => console.error(`[queue] refusing to run steps: ${error.message}`));
  }

  private queue(name: string): Queue<StepJobData, StepJobResult> {
    let queue = this.queues.get(name);
    if (!queue) this.queues.set(name, (queue = new Queue<StepJobData, StepJobResult>(name, { connection: this.connection, prefix: this.prefix })));
    return queue;
  }

  /**
   * The queue's event reader. It reads from the stream's last entry as of now, not from whatever is
   * last when its first XREAD happens to go out, so every job added after this settles is heard
   * finishing: that is what lets run() wait without asking Redis whether the job finished already.
   */
  private listening(name: string): Promise<QueueEvents> {
    let events = this.events.get(name);
    if (!events) {
      events = this.startEvents(name);
      this.events.set(name, events);
    }
    return events;
  }

  private async startEvents(name: string): Promise<QueueEvents> {
    const [last] = await this.connection.xrevrange(this.queue(name).keys.events, '+', '-', 'COUNT', 1);
    // QueueEvents blocks on XREAD, so it needs a connection of its own.
    const connection = new Redis(this.url, { maxRetriesPerRequest: null });
    connection.on('error', () => {}); // reported once by the main connection
    this.eventConnections.push(connection);
    const events = new QueueEvents(name, { connection, prefix: this.prefix, lastEventId: last?.[0] ?? '0' });
    // A batch of lines per event (server/queue/message-batch.ts); one line from a worker older than that.
    events.on('progress', ({ jobId, data }) => {
      const listener = this.listeners.get(jobId);
      if (listener) for (const message of Array.isArray(data) ? (data as StepJobMessage[]) : [data as StepJobMessage]) listener(message);
    });
    // QueueEvents has parsed the return value; its type says string.
    events.on('completed', ({ jobId, returnvalue }) => this.finishing.get(jobId)?.resolve(returnvalue as unknown as StepJobResult));
    // Only a job's last attempt fails it: a retry is a 'delayed' event.
    events.on('failed', ({ jobId, failedReason }) => this.finishing.get(jobId)?.reject(new Error(failedReason)));
    await events.waitUntilReady();
    return events;
  }

  /**
   * The connected workers, read at most once per WORKERS_FRESH_MS rather than for every step: a
   * run of short steps asked the database once per step. Heartbeats come every 5 s, and a worker
   * counts as gone only after 15 s, so a second's staleness changes nothing a step would say.
   */
  private workersNow(): Promise<readonly { capabilities: Record<string, unknown> }[]> {
    const now = Date.now();
    if (!this.workersSeen || now - this.workersSeen.at > WORKERS_FRESH_MS) {
      const seen = { at: now, workers: this.connectedWorkers() };
      seen.workers.catch(() => this.workersSeen === seen && (this.workersSeen = undefined)); // not kept: the next step asks again
      this.workersSeen = seen;
    }
    return this.workersSeen.workers;
  }

  /** Redis's INFO section, as text (the queue bench reads Redis's CPU time from it). */
  async redisInfo(section: string): Promise<string> {
    return this.connection.info(section);
  }

  /** Jobs waiting, running and waiting out a retry's backoff, over every queue. */
  async depth(): Promise<{ waiting: number; active: number; delayed: number }> {
    const names = new Set([...BASE_QUEUES, ...(await this.connection.smembers(queuesKey(this.prefix)))]);
    const counts = await Promise.all([...names].map((name) => this.queue(name).getJobCounts('waiting', 'prioritized', 'active', 'delayed')));
    const total = { waiting: 0, active: 0, delayed: 0 };
    for (const c of counts) {
      total.waiting += (c.waiting ?? 0) + (c.prioritized ?? 0);
      total.active += c.active ?? 0;
      total.delayed += c.delayed ?? 0;
    }
    return total;
  }

  /** `onTaken`: a worker took the step (again, after a retry), to record where it runs; awaited before this returns. */
  async run(runId: string | null, step: PlanStep, inputs: Record<string, ArtifactRef>, hooks: StepHooks, onTaken?: (workerId: string) => Promise<void>): Promise<PoolStepResult> {
    try {
      await this.ready;
    } catch (error) {
      throw new NodeRunError(step.id, 'worker_crashed', `Steps are not queued: ${(error as Error).message}`);
    }
    const needs = stepNeeds(step);
    const name = queueName(needs);
    const queue = this.queue(name);
    if (!BASE_QUEUES.includes(name)) await this.announce(name);
    const sourceKey = step.fingerprint?.sourceKey;
    // A source key names stored bytes for some nodes (a dataset version, a registered model) and a
    // bundled file's hash for others; only stored ones are the worker's to fetch.
    const extraArtifacts = isArtifactId(sourceKey) && (await hasArtifactFile(this.dataDir, sourceKey)) ? [sourceKey] : [];
    const data: StepJobData = { runId, step, inputs, extraArtifacts, needs, queuedAs: randomUUID() };
    // One job per step of a run: a server that restarts mid-run finds the job it queued before.
    const jobId = stepJobId(runId, step.id, runId ? 'step' : randomUUID());
    let takenBy: string | undefined;
    let recorded = Promise.resolve();
    const taken = (workerId: string) => {
      if (workerId === takenBy || !onTaken) return;
      takenBy = workerId;
      recorded = recorded.then(() => onTaken(workerId)).catch((error: Error) => console.warn(`[queue] could not record that worker ${workerId} took step ${step.id}: ${error.message}`));
    };
    this.listeners.set(jobId, (m) => {
      if (m.type === 'taken') taken(m.workerId);
      else if (m.type === 'log') hooks.log(m.level, m.message);
      else hooks.progress(m.fraction, m.message, m.data);
    });
    // Waited for before the job exists, so its finishing cannot come before anyone listens.
    const outcome = new Promise<StepJobResult>((resolve, reject) => this.finishing.set(jobId, { resolve, reject }));
    outcome.catch(() => {}); // a step cancelled before it finishes never reads its outcome
    try {
      await this.listening(name);
      const job = await this.enqueue(queue, jobId, data, this.finishing.get(jobId)!.resolve);
      // Not silently stuck: where no connected worker has what the step needs, its log and
      // progress say what is missing. A worker that has it takes the step when it connects.
      const waiting = whyWaiting(needs, await this.workersNow());
      if (waiting && ['waiting', 'prioritized', 'delayed'].includes(await job.getState())) {
        hooks.log('warn', waiting);
        hooks.progress(0, waiting);
      }
      const result = await this.finished(job, outcome, hooks.signal, step);
      // The lines the worker had not sent yet come after those it did, as the step wrote them.
      for (const message of result.messages ?? []) this.listeners.get(jobId)?.(message);
      // A worker that never said it took the job (one older than that message) is named by its result.
      taken(result.workerId);
      await recorded;
      if (!result.ok) throw new NodeRunError(step.id, result.code, result.message);
      for (const [port, ref] of Object.entries(result.outputs)) {
        if (!(await hasArtifactFile(this.dataDir, ref.id))) {
          throw new NodeRunError(step.id, 'artifact_missing', `Worker ${result.workerId} reported output "${port}" as ${ref.id}, but never uploaded it`);
        }
      }
      const { ok: _ok, workerId, messages: _messages, ...done } = result;
      hooks.log('info', `Finished on queue worker ${workerId}`);
      return done;
    } finally {
      this.listeners.delete(jobId);
      this.finishing.delete(jobId);
    }
  }

  /**
   * Adds the job, or takes the one already queued under this id; a failed one is queued anew. One
   * that finished before this server listened (a server restarted mid-run) settles from its result.
   */
  private async enqueue(
    queue: Queue<StepJobData, StepJobResult>,
    jobId: string,
    data: StepJobData,
    finishedBefore: (result: StepJobResult) => void,
  ): Promise<Job<StepJobData, StepJobResult>> {
    // A step queued again under this id (a resumed run) is not the one cancelled before: its
    // cancel key names its own queueing (step-job.ts), so no earlier key needs deleting here.
    const existing = await queue.getJob(jobId);
    if (!existing) return queue.add('step', data, { ...STEP_JOB_OPTIONS, jobId });
    const state = await existing.getState();
    if (state === 'failed') {
      await existing.remove();
      return queue.add('step', data, { ...STEP_JOB_OPTIONS, jobId });
    }
    if (state === 'completed') finishedBefore(existing.returnvalue);
    return existing;
  }

  private async finished(job: Job<StepJobData, StepJobResult>, outcome: Promise<StepJobResult>, signal: AbortSignal, step: PlanStep): Promise<StepJobResult> {
    if (signal.aborted) throw cancelled();
    let onAbort: () => void = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        // A job still waiting is taken off the queue; the worker running one is told to abort it,
        // and fails it without a retry and without uploading anything.
        void this.cancelOnWorker(job.id!, job.data.queuedAs);
        job.remove().catch(() => {});
        reject(cancelled());
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([outcome, aborted]);
    } catch (error) {
      if (signal.aborted || (error as Error).name === 'AbortError') throw cancelled();
      throw new NodeRunError(step.id, 'worker_crashed', `The queue gave up on this step after ${STEP_JOB_OPTIONS.attempts} attempts: ${(error as Error).message}`);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  /** A queue with a memory tier: listened to here, and made known to the workers. */
  private async announce(name: string): Promise<void> {
    await this.listening(name);
    if ((await this.connection.sadd(queuesKey(this.prefix), name)) > 0) await this.connection.publish(queuesChannel(this.prefix), name);
  }

  private async cancelOnWorker(jobId: string, queuedAs: string | undefined): Promise<void> {
    try {
      await this.connection.set(cancelKey(this.prefix, jobId, queuedAs), '1', 'EX', CANCEL_KEY_TTL_S);
      await this.connection.publish(cancelChannel(this.prefix), jobId);
    } catch (error) {
      console.warn(`[queue] could not tell the workers to cancel ${jobId}: ${(error as Error).message}`);
    }
  }

  async close(): Promise<void> {
    for (const { reject } of this.finishing.values()) reject(new Error('The queue closed while the step waited for its worker'));
    await Promise.allSettled([...this.events.values()].map(async (e) => (await e).close()));
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
    for (const connection of this.eventConnections) connection.disconnect();
  }
}

const cancelled = () => Object.assign(new Error('Cancelled'), { name: 'AbortError' });
