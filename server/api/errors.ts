// One place that turns anything thrown into what a client may see. Stacks go to the log, never the wire.
import { TRPCError } from '@trpc/server';
import { DocumentIssuesError, UserError } from '../../engine/errors';
import type { CompileIssue } from '../../engine/plan';
import { SaveConflictError, type SaveConflict } from '../pipelines/save-conflict';

export function issuesError(message: string, issues: CompileIssue[]): TRPCError {
  return new TRPCError({ code: 'BAD_REQUEST', message, cause: new DocumentIssuesError(message, issues) });
}

export function userError(message: string, details: UserError['details'] = {}): TRPCError {
  return new TRPCError({ code: 'BAD_REQUEST', message, cause: new UserError(message, details) });
}

export function notFound(what: string): TRPCError {
  return new TRPCError({ code: 'NOT_FOUND', message: `${what} was not found` });
}

/** Maps a thrown value to the message a user sees and the issues attached to it. */
export function publicErrorData(error: TRPCError): { message: string; issues?: CompileIssue[]; conflict?: SaveConflict } {
  const cause = error.cause;
  if (cause instanceof SaveConflictError) return { message: error.message, conflict: cause.conflict };
  if (cause instanceof DocumentIssuesError) return { message: error.message, issues: cause.issues };
  if (cause instanceof UserError) return { message: cause.message };
  if (error.code === 'INTERNAL_SERVER_ERROR') return { message: 'Internal error; see the server log' };
  return { message: error.message };
}
