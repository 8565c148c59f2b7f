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

interface ValidationIssue {
  path: PropertyKey[];
  message: string;
}

function isValidationError(cause: unknown): cause is { issues: ValidationIssue[] } {
  const issues = (cause as { issues?: unknown } | null)?.issues;
  return Array.isArray(issues) && issues.every((i) => typeof i?.message === 'string' && Array.isArray(i?.path));
}

/** 'Invalid input: email: Invalid email address; password: Too small…' instead of zod's JSON dump. */
export function validationMessage(issues: ValidationIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => `${i.path.length ? i.path.map(String).join('.') : 'input'}: ${i.message.replace(/^Invalid input: /, '')}`);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return `Invalid input: ${shown.join('; ')}${more}`;
}

/**
 * Maps a thrown value to the message a user sees and the issues attached to it. `field` names the
 * input the error is about (a UserError's field, or the path of the first invalid input, e.g.
 * `rule.threshold`), so a form can show the message beside that field.
 */
export function publicErrorData(error: TRPCError): { message: string; issues?: CompileIssue[]; conflict?: SaveConflict; field?: string } {
  const cause = error.cause;
  if (cause instanceof SaveConflictError) return { message: error.message, conflict: cause.conflict };
  if (cause instanceof DocumentIssuesError) return { message: error.message, issues: cause.issues };
  if (cause instanceof UserError) return { message: cause.message, ...(cause.details.field !== undefined && { field: cause.details.field }) };
  if (error.code === 'BAD_REQUEST' && isValidationError(cause)) {
    const path = cause.issues[0]?.path ?? [];
    return { message: validationMessage(cause.issues), ...(path.length > 0 && { field: path.map(String).join('.') }) };
  }
  if (error.code === 'INTERNAL_SERVER_ERROR') return { message: 'Internal error; see the server log' };
  return { message: error.message };
}
