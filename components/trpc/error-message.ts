// Turns anything a tRPC call threw into one sentence a person can read; never a stack.
import { TRPCClientError } from '@trpc/client';
import type { SaveConflict } from '../../engine/merge-types';

export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const message = String(error.message || '');
    if (!message) return 'The request failed';
    if (/fetch failed|failed to fetch|networkerror/i.test(message)) return 'The server could not be reached';
    // The server already words input errors as 'field: problem' (server/api/errors.ts).
    return message;
  }
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong';
}

/** The input field the server says an error is about (e.g. 'feature', 'rule.threshold'), when it says. */
export function errorField(error: unknown): string | undefined {
  if (error instanceof TRPCClientError) {
    const data = error.data as { field?: unknown } | undefined;
    return typeof data?.field === 'string' ? data.field : undefined;
  }
  return undefined;
}

/** The tRPC error code (e.g. 'UNAUTHORIZED'), when there is one. */
export function errorCode(error: unknown): string | undefined {
  if (error instanceof TRPCClientError) {
    const data = error.data as { code?: unknown } | undefined;
    return typeof data?.code === 'string' ? data.code : undefined;
  }
  return undefined;
}

export function httpStatus(error: unknown): number | undefined {
  if (error instanceof TRPCClientError) {
    const data = error.data as { httpStatus?: unknown } | undefined;
    return typeof data?.httpStatus === 'number' ? data.httpStatus : undefined;
  }
  return undefined;
}

/** The clash a refused pipeline save reports (a CONFLICT with who saved what, and both values), or null. */
export function saveConflictOf(error: unknown): SaveConflict | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = error.data as { code?: unknown; conflict?: SaveConflict } | undefined;
  return data?.code === 'CONFLICT' && data.conflict ? data.conflict : null;
}
