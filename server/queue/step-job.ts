// What travels through BullMQ between the server and `pipeworks worker`: plain JSON, no Node-only
// imports, so both sides (and tests) share one definition of jobs, results and queue routing.
import type { ArtifactRef, PlanStep } from '../../engine/plan';
import type { StepTaskResult } from '../runners/step-protocol';

/**
 * Capabilities a step may require. A worker serves the queue of every set of these it has, so a
 * step lands only on a worker that has what it needs. Other facts a worker reports (memory, CPUs,
 * DuckDB) are shown on the Workers page but route nothing: no node requires them yet.
 *   sandbox     isolated-vm loads: runs user code (code nodes)
 *   test-nodes  the worker registered the test-only nodes (PIPEWORKS_TEST_NODES=1)
 */
export const ROUTED_CAPABILITIES = ['sandbox', 'test-nodes'] as const;
export type RoutedCapability = (typeof ROUTED_CAPABILITIES)[number];

export interface StepJobData {
  runId: string | null;
  step: PlanStep;
  inputs: Record<string, ArtifactRef>;
  /** Artifact ids the node reads besides its inputs (an ingest node's dataset version). */
  extraArtifacts: string[];
  requires: RoutedCapability[];
}

/** A node's own failure is a result (kept, not retried); only a worker's trouble throws and retries. */
export type StepJobResult = StepTaskResult & { workerId: string };

/** Progress messages are sent through BullMQ's job progress, which the server hears as events. */
export type { StepMessage as StepJobMessage } from '../runners/step-protocol';

export function stepRequirements(step: PlanStep): RoutedCapability[] {
  const needs: RoutedCapability[] = [];
  if (step.codeParams && step.codeParams.length > 0) needs.push('sandbox');
  if (step.type.startsWith('testing/')) needs.push('test-nodes');
  return needs;
}

/** One queue per set of required capabilities: "steps", "steps+sandbox", "steps+sandbox+test-nodes". */
export function queueName(requires: readonly RoutedCapability[]): string {
  const sorted = ROUTED_CAPABILITIES.filter((c) => requires.includes(c));
  return ['steps', ...sorted].join('+');
}

/** Every queue a worker with these capabilities can serve (2^n for n routed capabilities it has). */
export function queuesServedBy(has: readonly RoutedCapability[]): string[] {
  const own = ROUTED_CAPABILITIES.filter((c) => has.includes(c));
  const names: string[] = [];
  for (let mask = 0; mask < 1 << own.length; mask++) names.push(queueName(own.filter((_, i) => mask & (1 << i))));
  return names;
}

export const ALL_QUEUES = queuesServedBy(ROUTED_CAPABILITIES);

/**
 * Cancelling a step that a worker is running: the server sets this key (for an hour, so a worker
 * that takes the job just after the message still sees it) and publishes the job id on
 * `cancelChannel`; the worker running it aborts the step (server/queue/queue-worker.ts).
 */
export const cancelChannel = (prefix: string) => `${prefix}:step-cancel`;
export const cancelKey = (prefix: string, jobId: string) => `${prefix}:step-cancelled:${jobId}`;
export const CANCEL_KEY_TTL_S = 3600;

/** BullMQ refuses ':' in custom job ids; run and step ids never hold '|'. */
export function stepJobId(runId: string | null, stepId: string, nonce: string): string {
  return `${runId ?? 'detached'}|${stepId}|${nonce}`.replaceAll(':', '_');
}
