// What crosses the worker-thread boundary. Plain data only: it is structured-cloned.
import type { LogLevel } from '../../engine/node-definition';
import type { ArtifactRef, PlanStep } from '../../engine/plan';
import type { StepOutcome } from '../../nodes/step-runner';

/**
 * A task names itself (`taskKey`, unique in its pool) instead of carrying a MessagePort of its own:
 * a channel made and transferred per step cost both threads about 30 µs of CPU a step. The thread
 * sends its lines through its parentPort (the pool hears them as piscina 'message' events), and the
 * pool asks it to stop on the pool's BroadcastChannel `abortChannel`.
 */
export interface StepTask {
  step: PlanStep;
  inputs: Record<string, ArtifactRef>;
  dataDir: string;
  bundledRoot: string;
  testNodes: boolean;
  taskKey: string;
  abortChannel: string;
}

/**
 * What a step thread posts on its parentPort: one of a task's lines, or, last, that the task sent
 * all of them. Piscina returns the result on a port of its own, which may overtake the lines; the
 * pool waits for `end` so a step's last lines are never dropped.
 */
export type StepThreadLine = { stepTask: string; message: StepMessage } | { stepTask: string; end: true };

export type { StoredOutput } from '../../nodes/step-runner';

/** The shared step runner's outcome, as returned across the thread boundary. */
export type StepTaskResult = StepOutcome;

export type StepMessage =
  | { type: 'log'; level: LogLevel; message: string }
  | { type: 'progress'; fraction: number; message?: string; data?: Record<string, unknown> };
