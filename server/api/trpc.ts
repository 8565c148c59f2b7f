// The whole tRPC setup: 1. init with error shaping, 2. middleware, 3. procedures by permission.
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { UserError } from '../../engine/errors';
import { audit } from '../auth/audit';
import { CodeEditRefusedError } from '../pipelines/code-edits';
import { SaveConflictError } from '../pipelines/save-conflict';
import { can, type Action } from '../auth/roles';
import type { Context } from './context';
import { publicErrorData } from './errors';

// 1. init — stacks never leave the server (isDev: false), user errors carry their issues.
const t = initTRPC.context<Context>().create({
  transformer: superjson,
  isDev: false,
  sse: { ping: { enabled: true, intervalMs: 5000 }, client: { reconnectAfterInactivityMs: 15000 } },
  errorFormatter({ shape, error }) {
    const { message, issues, conflict, field } = publicErrorData(error);
    return { ...shape, message, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, issues, conflict, field } };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

// 2. middleware
const requireUser = t.middleware(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** User errors thrown anywhere below become 400s with their message; everything else stays a 500. */
const mapUserErrors = t.middleware(async ({ next }) => {
  const result = await next();
  // Writing code beyond one's role is refused as any other action would be: a 403, audited.
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR' && result.error.cause instanceof CodeEditRefusedError) {
    throw new TRPCError({ code: 'FORBIDDEN', message: result.error.cause.message, cause: result.error.cause });
  }
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR' && result.error.cause instanceof UserError) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: result.error.cause.message, cause: result.error.cause });
  }
  // A save that clashes with one made meanwhile: a 409 carrying who saved what, and both values.
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR' && result.error.cause instanceof SaveConflictError) {
    throw new TRPCError({ code: 'CONFLICT', message: result.error.cause.message, cause: result.error.cause });
  }
  return result;
});

/** Every refused (403) call goes into the audit trail: who tried what. */
const auditRefusals = t.middleware(async ({ ctx, path, next }) => {
  const result = await next();
  if (!result.ok && result.error.code === 'FORBIDDEN') {
    await audit(ctx.anyDb, { userId: ctx.user?.id ?? null, action: 'access.denied', targetType: 'procedure', targetId: path, detail: { via: ctx.user?.via ?? null, reason: result.error.message } });
  }
  return result;
});

// 3. procedures
export const publicProcedure = t.procedure.use(auditRefusals).use(mapUserErrors);
export const authedProcedure = publicProcedure.use(requireUser);

/** Managing credentials needs a person signed in at a browser: a leaked API key cannot mint new keys. */
export const sessionProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.via !== 'session') {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'API keys cannot manage API keys; sign in to do this' });
  }
  return next();
});

/** A procedure only roles allowed to `action` may call; the UI hides the same actions. */
export function permitted(action: Action) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!can(ctx.user.role, action)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `Your role (${ctx.user.role}) may not ${action.replace('.', ' ')}` });
    }
    return next();
  });
}
