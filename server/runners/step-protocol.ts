// What crosses the worker-thread boundary. Plain data only: it is structured-cloned.
import type { ErrorCode } from '../../engine/errors';
import type { LogLevel } from '../../engine/node-definition';
import type { ArtifactRef, PlanStep } from '../../engine/plan';
import type { MessagePort } from 'node:worker_threads';

export interface StepTask {
  step: PlanStep;
  inputs: Record<string, ArtifactRef>;
  dataDir: string;
  bundledRoot: string;
  testNodes: boolean;
  port: MessagePort;
}

export interface StoredOutput extends ArtifactRef {
  mediaType: string;
}

export type StepTaskResult =
  | { ok: true; outputs: Record<string, StoredOutput>; peakMemoryBytes: number; backend?: string; backendNote?: string }
  | { ok: false; code: ErrorCode; message: string };

export type StepMessage =
  | { type: 'log'; level: LogLevel; message: string }
  | { type: 'progress'; fraction: number; message?: string; data?: Record<string, unknown> };
