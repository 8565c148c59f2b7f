// The contract between engine/execute and every runner (server worker pool, browser worker, queue).
import type { ErrorInfo } from './errors';
import type { LogLevel } from './node-definition';
import type { ArtifactRef, PlanStep, RunStatus, StepStatus } from './plan';

export interface CacheHit {
  outputs: Record<string, ArtifactRef>;
  /** The run whose step produced these outputs. */
  fromRunId: string;
}

export interface StepRunResult {
  outputs: Record<string, ArtifactRef>;
  peakMemoryBytes?: number;
  /** e.g. the TF.js backend that really ran. */
  backend?: string;
  /** Why earlier backends were passed over (failed to start, device lost, out of memory). */
  backendNote?: string;
}

export type ExecuteEvent =
  | { type: 'step_started'; stepId: string; at: number }
  | { type: 'step_progress'; stepId: string; fraction: number; message?: string; data?: Record<string, unknown> }
  | { type: 'step_log'; stepId: string; level: LogLevel; message: string; at: number }
  | {
      type: 'step_finished';
      stepId: string;
      status: Exclude<StepStatus, 'queued' | 'running'>;
      startedAt: number;
      finishedAt: number;
      outputs?: Record<string, ArtifactRef>;
      cachedFromRunId?: string;
      peakMemoryBytes?: number;
      backend?: string;
      backendNote?: string;
      error?: ErrorInfo;
    }
  | { type: 'run_finished'; status: Exclude<RunStatus, 'queued' | 'running' | 'interrupted'>; at: number };

export interface StepHooks {
  signal: AbortSignal;
  log(level: LogLevel, message: string): void;
  progress(fraction: number, message?: string, data?: Record<string, unknown>): void;
}

export interface ExecuteContext {
  signal: AbortSignal;
  /** How many ready steps may run at once. */
  concurrency?: number;
  /** Outputs of steps this run already finished before (resume after a restart). */
  completed?: ReadonlyMap<string, Record<string, ArtifactRef>>;
  lookupCache(step: PlanStep): Promise<CacheHit | null>;
  runStep(step: PlanStep, inputs: Record<string, ArtifactRef>, hooks: StepHooks): Promise<StepRunResult>;
  /** Called in order for each event; execute awaits it so state is persisted before moving on. */
  onEvent(event: ExecuteEvent): void | Promise<void>;
  now?(): number;
}
