import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { audit } from '../../auth/audit';
import { readCookie } from '../../auth/cookies';
import { clearSessionCookie, createSession, revokeSession, sessionCookie, SESSION_COOKIE } from '../../auth/sessions';
import { isSecureRequest } from '../../auth/secure-cookie';
import { checkSignIn, clearSignInFailures, clientAddress, recordSignInFailure, signInLimits } from '../../auth/sign-in-limits';
import { getEnv } from '../../env';
import { countUsers, createFirstAdmin, verifyCredentials } from '../../auth/users';
import { authedProcedure, createTRPCRouter, publicProcedure } from '../trpc';

const credentials = z.object({ email: z.string().trim().email().max(200), password: z.string().min(1).max(500) });

function isSecure(req: Request): boolean {
  return isSecureRequest(req.headers, getEnv().PIPEWORKS_TRUST_PROXY);
}

export const authRouter = createTRPCRouter({
  /** What the sign-in page needs: is this a fresh install, and who is signed in. */
  state: publicProcedure.query(async ({ ctx }) => ({ needsSetup: (await countUsers(ctx.anyDb)) === 0, user: ctx.user })),

  setup: publicProcedure
    .input(credentials.extend({ name: z.string().trim().min(1).max(100), password: z.string().min(10).max(500) }))
    .mutation(async ({ ctx, input }) => {
      // Throws a UserError (400) once any user exists: setup can happen only on a fresh install.
      const user = await createFirstAdmin(ctx.anyDb, { ...input, role: 'admin' });
      const token = await createSession(ctx.anyDb, user.id);
      ctx.resHeaders.append('set-cookie', sessionCookie(token, { secure: isSecure(ctx.req) }));
      await audit(ctx.anyDb, { userId: user.id, action: 'user.setup', targetType: 'user', targetId: user.id, detail: {} });
      return { id: user.id, email: user.email, name: user.name, role: user.role };
    }),

  login: publicProcedure.input(credentials).mutation(async ({ ctx, input }) => {
    const account = input.email.toLowerCase();
    const env = getEnv();
    const limits = signInLimits(env);
    const address = clientAddress(ctx.req.headers, env.PIPEWORKS_TRUST_PROXY);
    // Checked before the password is hashed: a locked account costs no scrypt work.
    const verdict = await checkSignIn(ctx.anyDb, limits, account, address);
    if (!verdict.ok) {
      await audit(ctx.anyDb, { userId: null, action: 'user.login.throttled', targetType: 'user', targetId: null, detail: { email: account, address, by: verdict.by } });
      ctx.resHeaders.set('retry-after', String(verdict.retryAfterSeconds));
      const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
      throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: `Too many failed sign-ins ${verdict.by === 'account' ? 'for this account' : 'from this address'}; try again in ${minutes} minute${minutes === 1 ? '' : 's'}` });
    }
    const user = await verifyCredentials(ctx.anyDb, input.email, input.password);
    if (!user) {
      await recordSignInFailure(ctx.anyDb, limits, account, address);
      await audit(ctx.anyDb, { userId: null, action: 'user.login.failed', targetType: 'user', targetId: null, detail: { email: account, address } });
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Wrong email or password' });
    }
    await clearSignInFailures(ctx.anyDb, account);
    const token = await createSession(ctx.anyDb, user.id);
    ctx.resHeaders.append('set-cookie', sessionCookie(token, { secure: isSecure(ctx.req) }));
    await audit(ctx.anyDb, { userId: user.id, action: 'user.login', targetType: 'user', targetId: user.id, detail: {} });
    return { id: user.id, email: user.email, name: user.name, role: user.role };
  }),

  logout: authedProcedure.mutation(async ({ ctx }) => {
    const token = readCookie(ctx.req.headers.get('cookie'), SESSION_COOKIE);
    if (token) await revokeSession(ctx.anyDb, token);
    ctx.resHeaders.append('set-cookie', clearSessionCookie());
    await audit(ctx.anyDb, { userId: ctx.user.id, action: 'user.logout', targetType: 'user', targetId: ctx.user.id, detail: {} });
    return { ok: true };
  }),
});
