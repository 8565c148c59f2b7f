// Delivers a browser run's events to the server strictly in order, batched. A step's start and
// end (and the run's end) resolve only once the server has them, so execute never moves on from
// a step the server has not recorded; logs and progress ride along without waiting. An idle run
// sends an empty report as a heartbeat, so the server can tell a closed tab from a slow step.
import type { ExecuteEvent } from '../../engine/execute-types';

export interface EventSenderOptions {
  report(events: ExecuteEvent[]): Promise<{ stop: boolean }>;
  /** The server says the run was cancelled there. */
  onStop(): void;
  heartbeatMs?: number;
  /** Delays between tries of one batch; a network blip should not fail a long training run. */
  retryDelaysMs?: readonly number[];
  maxBatch?: number;
}

interface Queued {
  event: ExecuteEvent;
  delivered?: { resolve(): void; reject(error: unknown): void };
}

export interface EventSender {
  send(event: ExecuteEvent): Promise<void>;
  close(): void;
}

const AWAITED = new Set<ExecuteEvent['type']>(['step_started', 'step_finished', 'run_finished']);

export function createEventSender(options: EventSenderOptions): EventSender {
  const retryDelays = options.retryDelaysMs ?? [500, 1000, 2000, 4000];
  const maxBatch = options.maxBatch ?? 200;
  const queue: Queued[] = [];
  let pumping: Promise<void> | null = null;
  let failure: unknown = null;

  const deliver = async (events: ExecuteEvent[]) => {
    for (let attempt = 0; ; attempt++) {
      try {
        const { stop } = await options.report(events);
        if (stop) options.onStop();
        return;
      } catch (error) {
        if (attempt >= retryDelays.length || !retryable(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, retryDelays[attempt]));
      }
    }
  };

  const pump = async () => {
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      try {
        await deliver(batch.map((q) => q.event));
        for (const q of batch) q.delivered?.resolve();
      } catch (error) {
        failure = error;
        for (const q of [...batch, ...queue.splice(0)]) q.delivered?.reject(error);
        return;
      }
    }
  };

  const kick = () => {
    if (!pumping) pumping = pump().finally(() => (pumping = null));
  };

  const heartbeat = setInterval(() => {
    if (failure || pumping || queue.length > 0) return;
    pumping = deliver([]).catch(() => undefined).finally(() => (pumping = null));
  }, options.heartbeatMs ?? 5000);

  return {
    send(event) {
      if (failure) return Promise.reject(failure);
      const queued: Queued = { event };
      const done = AWAITED.has(event.type)
        ? new Promise<void>((resolve, reject) => (queued.delivered = { resolve, reject }))
        : Promise.resolve();
      queue.push(queued);
      // A heartbeat in flight finishes first; the queue is pumped right after it.
      if (pumping) void pumping.then(kick);
      else kick();
      return done;
    },
    close() {
      clearInterval(heartbeat);
    },
  };
}

/** A refusal (the run is no longer this tab's, bad input) is final; a network failure or 5xx is worth another try. */
function retryable(error: unknown): boolean {
  const data = (error as { data?: { httpStatus?: number } } | null)?.data;
  if (typeof data?.httpStatus === 'number') return data.httpStatus >= 500;
  return true;
}
