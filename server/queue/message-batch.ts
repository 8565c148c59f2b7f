// A queued step's log and progress lines, sent to the server in batches rather than one BullMQ
// progress write each: the first line opens a window (FLUSH_MS), and what gathered meanwhile goes
// in one `job.updateProgress`. A step that ends within its window sends nothing this way; its lines
// travel in the job's result (one write that happens anyway) and the server replays them in order.
import type { StepJobMessage } from './step-job';

/** As long as the worker's progress throttle: a long step's log still reads as live. */
export const FLUSH_MS = 250;

export class StepMessageBatch {
  private pending: StepJobMessage[] = [];
  private timer: NodeJS.Timeout | undefined;
  private taken = false;

  constructor(
    private readonly sendBatch: (messages: StepJobMessage[]) => Promise<unknown>,
    private readonly flushMs = FLUSH_MS,
  ) {}

  add(message: StepJobMessage): void {
    // A line after the result was built (a late callback from the step) has no result to ride in.
    if (this.taken) return void this.sendBatch([message]).catch(() => {});
    this.pending.push(message);
    this.timer ??= setTimeout(() => void this.flush().catch(() => {}), this.flushMs);
  }

  /** Sends what gathered now (a step that throws: its attempt's lines are not lost with it). */
  flush(): Promise<unknown> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return Promise.resolve();
    const batch = this.pending;
    this.pending = [];
    return this.sendBatch(batch);
  }

  /** What was not sent yet, for the job's result; later lines are sent on their own. */
  take(): StepJobMessage[] {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.taken = true;
    const rest = this.pending;
    this.pending = [];
    return rest;
  }
}
