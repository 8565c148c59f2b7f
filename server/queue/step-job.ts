// What travels through BullMQ between the server and `pipeworks worker`: plain JSON, no Node-only
// imports, so both sides (and tests) share one definition of jobs, results and queue routing.
import type { ArtifactRef, PlanStep } from '../../engine/plan';
import type { StepMessage, StepTaskResult } from '../runners/step-protocol';
import type { StepNeeds } from './step-routing';

export interface StepJobData {
  runId: string | null;
  step: PlanStep;
  inputs: Record<string, ArtifactRef>;
  /** Artifact ids the node reads besides its inputs (an ingest node's dataset version). */
  extraArtifacts: string[];
  needs: StepNeeds;
  /**
   * Names this queueing of the step (random, new on each add): its cancel key carries it, so a
   * step queued again under the same job id (a resumed run) never sees an earlier one's cancel.
   * Absent on jobs queued before it existed.
   */
  queuedAs?: string;
}

/**
 * A node's own failure is a result (kept, not retried); only a worker's trouble throws and retries.
 * `messages`: the step's log and progress lines not yet sent as progress (server/queue/message-batch.ts).
 */
export type StepJobResult = StepTaskResult & { workerId: string; messages?: StepJobMessage[] };

/**
 * Log and progress lines go through BullMQ's job progress, a batch per event, which the server hears
 * as events; first of all a worker says it took the job, so the run names it rather than the server.
 */
export type StepJobMessage = StepMessage | { type: 'taken'; workerId: string };

export const QUEUE_WORKER_PREFIX = 'queue:';

/** The runner of a step a queue worker took (the server records "server:queue" until one does). */
export const queueWorkerRunner = (workerId: string) => `${QUEUE_WORKER_PREFIX}${workerId}`;

/**
 * Queues with a memory tier are made when a step first needs one: the server adds each name it
 * uses to this set and publishes it on `queuesChannel`; workers serve every name in it they can.
 */
export const queuesKey = (prefix: string) => `${prefix}:step-queues`;
export const queuesChannel = (prefix: string) => `${prefix}:step-queues-added`;

/**
 * Cancelling a step that a worker is running: the server sets this key (for an hour, so a worker
 * that takes the job just after the message still sees it) and publishes the job id on
 * `cancelChannel`; the worker running it aborts the step (server/queue/queue-worker.ts). The key
 * names the queueing (`queuedAs`), not only the job id, so re-queueing needs no delete first.
 */
export const cancelChannel = (prefix: string) => `${prefix}:step-cancel`;
export const cancelKey = (prefix: string, jobId: string, queuedAs: string | undefined) =>
  `${prefix}:step-cancelled:${jobId}${queuedAs === undefined ? '' : `:${queuedAs}`}`;
export const CANCEL_KEY_TTL_S = 3600;

/** BullMQ refuses ':' in custom job ids; run and step ids never hold '|'. */
export function stepJobId(runId: string | null, stepId: string, nonce: string): string {
  return `${runId ?? 'detached'}|${stepId}|${nonce}`.replaceAll(':', '_');
}
