// What crosses the worker-thread boundary. Plain data only: it is structured-cloned.
import type { LogLevel } from '../../engine/node-definition';
import type { ArtifactRef, PlanStep } from '../../engine/plan';
import type { StepOutcome } from '../../nodes/step-runner';
import type { MessagePort } from 'node:worker_threads';

export interface StepTask {
  step: PlanStep;
  inputs: Record<string, ArtifactRef>;
  dataDir: string;
  bundledRoot: string;
  testNodes: boolean;
  port: MessagePort;
}

export type { StoredOutput } from '../../nodes/step-runner';

/** The shared step runner's outcome, as returned across the thread boundary. */
export type StepTaskResult = StepOutcome;

export type StepMessage =
  | { type: 'log'; level: LogLevel; message: string }
  | { type: 'progress'; fraction: number; message?: string; data?: Record<string, unknown> };
