// The few typed errors of the system. tRPC maps them in one place (server/api/errors.ts).
import type { CompileIssue } from './plan';

export const ERROR_CODES = [
  'invalid_input', // bad graph, parameter or data, shown inline to the user
  'node_failed', // a node threw while running
  'upstream_failed', // a step did not run because an input step failed
  'cancelled',
  'worker_crashed',
  'artifact_missing',
  'artifact_corrupt',
  'interrupted', // the browser tab driving the run went away; the run can be resumed
  'stale_build', // a browser tab with other node code than the build that planned the run: reload it
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A bad graph, parameter or data: safe to show to the user as is. */
export class UserError extends Error {
  readonly code: ErrorCode = 'invalid_input';
  constructor(
    message: string,
    readonly details: { nodeId?: string; field?: string; row?: number; column?: string } = {},
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** A pipeline document or plan that failed validation, with every issue found. */
export class DocumentIssuesError extends UserError {
  constructor(
    message: string,
    readonly issues: CompileIssue[],
  ) {
    super(message);
    this.name = 'DocumentIssuesError';
  }
}

/** A failure while running a node, tied to that node. */
export class NodeRunError extends Error {
  constructor(
    readonly nodeId: string,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'NodeRunError';
  }
}

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

/** Turns anything thrown into what a user may see. Internal errors keep their detail in logs only. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof UserError) return { code: error.code, message: error.message };
  if (error instanceof NodeRunError) return { code: error.code, message: error.message };
  if (isAbortError(error)) return { code: 'cancelled', message: 'Cancelled' };
  return { code: 'internal', message: 'Internal error; see the server log' };
}

export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    ((error as { name: string }).name === 'AbortError' || (error as { name: string }).name === 'CancelledError')
  );
}
