// A pool of worker threads for running steps, so training never blocks the web server's event loop.
// Piscina owns thread lifecycle and queueing; a cancel first asks the node to stop, then terminates it.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { BroadcastChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { NodeRunError } from '../../engine/errors';
import type { StepHooks } from '../../engine/execute-types';
import type { ArtifactRef, PlanStep } from '../../engine/plan';
import type { StepMessage, StepTask, StepTaskResult, StepThreadLine } from './step-protocol';

const GRACE_MS = 2000;

export interface PoolOptions {
  threads: number;
  dataDir: string;
  bundledRoot: string;
  testNodes: boolean;
}

export type PoolStepResult = Omit<Extract<StepTaskResult, { ok: true }>, 'ok'>;

export class StepWorkerPool {
  private readonly piscina: Piscina;
  /** The running tasks' line handlers, by task key (step-protocol.ts). */
  private readonly lines = new Map<string, { line: (message: StepMessage) => void; ended: () => void }>();
  private readonly abortChannelName = `pipeworks-step-abort:${randomUUID()}`;
  private readonly aborts = new BroadcastChannel(this.abortChannelName);
  private nextTask = 0;

  constructor(private readonly options: PoolOptions) {
    this.aborts.unref();
    this.piscina = new Piscina({
      // Loaded by the thread at run time, never bundled by Next: the entry picks the
      // compiled step worker in dist/cli (or tsx) itself.
      filename: path.join(/*turbopackIgnore: true*/ process.cwd(), 'server/runners/step-worker-entry.mjs'),
      minThreads: 0,
      maxThreads: options.threads,
      idleTimeout: 60_000,
    });
    this.piscina.on('message', (line: StepThreadLine) => {
      const task = this.lines.get(line?.stepTask);
      if (task && 'end' in line) task.ended();
      else if (task && 'message' in line) task.line(line.message);
    });
  }

  async run(step: PlanStep, inputs: Record<string, ArtifactRef>, hooks: StepHooks): Promise<PoolStepResult> {
    const taskKey = String(this.nextTask++);
    let ended!: () => void;
    const allLines = new Promise<void>((resolve) => (ended = resolve));
    this.lines.set(taskKey, {
      line: (m) => {
        if (m.type === 'log') hooks.log(m.level, m.message);
        else hooks.progress(m.fraction, m.message, m.data);
      },
      ended,
    });
    const kill = new AbortController();
    let graceTimer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      this.aborts.postMessage(taskKey);
      graceTimer = setTimeout(() => kill.abort(), GRACE_MS);
    };
    if (hooks.signal.aborted) onAbort();
    else hooks.signal.addEventListener('abort', onAbort, { once: true });
    const task: StepTask = {
      step,
      inputs,
      dataDir: this.options.dataDir,
      bundledRoot: this.options.bundledRoot,
      testNodes: this.options.testNodes,
      taskKey,
      abortChannel: this.abortChannelName,
    };
    try {
      const result = (await this.piscina.run(task, { signal: kill.signal })) as StepTaskResult;
      // The thread posted `end` after its last line, before returning: it is on its way.
      await allLines;
      if (!result.ok) throw new NodeRunError(step.id, result.code, result.message);
      const { ok: _ok, ...done } = result;
      return done;
    } catch (error) {
      if (hooks.signal.aborted) throw Object.assign(new Error('Cancelled'), { name: 'AbortError' });
      if (error instanceof NodeRunError) throw error;
      console.error(`[worker] step ${step.id} crashed`, error);
      throw new NodeRunError(step.id, 'worker_crashed', `The worker running this step stopped unexpectedly: ${(error as Error).message}`);
    } finally {
      clearTimeout(graceTimer);
      hooks.signal.removeEventListener('abort', onAbort);
      this.lines.delete(taskKey);
    }
  }

  async close(): Promise<void> {
    await this.piscina.close({ force: true });
    this.aborts.close();
  }
}
