import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { audit } from '../../auth/audit';
import { readCookie } from '../../auth/cookies';
import { clearSessionCookie, createSession, revokeSession, sessionCookie, SESSION_COOKIE } from '../../auth/sessions';
import { countUsers, createFirstAdmin, verifyCredentials } from '../../auth/users';
import { authedProcedure, createTRPCRouter, publicProcedure } from '../trpc';

const credentials = z.object({ email: z.string().trim().email().max(200), password: z.string().min(1).max(500) });

function isSecure(req: Request): boolean {
  return new URL(req.url).protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';
}

export const authRouter = createTRPCRouter({
  /** What the sign-in page needs: is this a fresh install, and who is signed in. */
  state: publicProcedure.query(({ ctx }) => ({ needsSetup: countUsers(ctx.db) === 0, user: ctx.user })),

  setup: publicProcedure
    .input(credentials.extend({ name: z.string().trim().min(1).max(100), password: z.string().min(10).max(500) }))
    .mutation(async ({ ctx, input }) => {
      // Throws a UserError (400) once any user exists: setup can happen only on a fresh install.
      const user = await createFirstAdmin(ctx.db, { ...input, role: 'admin' });
      const token = createSession(ctx.db, user.id);
      ctx.resHeaders.append('set-cookie', sessionCookie(token, { secure: isSecure(ctx.req) }));
      audit(ctx.db, { userId: user.id, action: 'user.setup', targetType: 'user', targetId: user.id, detail: {} });
      return { id: user.id, email: user.email, name: user.name, role: user.role };
    }),

  login: publicProcedure.input(credentials).mutation(async ({ ctx, input }) => {
    const user = await verifyCredentials(ctx.db, input.email, input.password);
    if (!user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Wrong email or password' });
    const token = createSession(ctx.db, user.id);
    ctx.resHeaders.append('set-cookie', sessionCookie(token, { secure: isSecure(ctx.req) }));
    audit(ctx.db, { userId: user.id, action: 'user.login', targetType: 'user', targetId: user.id, detail: {} });
    return { id: user.id, email: user.email, name: user.name, role: user.role };
  }),

  logout: authedProcedure.mutation(({ ctx }) => {
    const token = readCookie(ctx.req.headers.get('cookie'), SESSION_COOKIE);
    if (token) revokeSession(ctx.db, token);
    ctx.resHeaders.append('set-cookie', clearSessionCookie());
    return { ok: true };
  }),
});
