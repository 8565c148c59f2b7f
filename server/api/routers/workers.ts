// Queue workers (admins): worker tokens, the workers heard from lately, and the queue's depth.
import { z } from 'zod';
import { audit } from '../../auth/audit';
import { getEnv } from '../../env';
import { getRunManager } from '../../runtime';
import { connectedWorkers } from '../../queue/worker-registry';
import { createWorkerToken, listWorkerTokens, revokeWorkerToken } from '../../queue/worker-tokens';
import { TRPCError } from '@trpc/server';
import { can } from '../../auth/roles';
import { notFound } from '../errors';
import { createTRPCRouter, permitted, sessionProcedure } from '../trpc';

// Worker tokens reach the data of every run, so only installation admins see and manage them;
// minting or revoking one needs a person signed in (a leaked API key cannot mint tokens).
const admin = permitted('settings.manage');
const adminSession = sessionProcedure.use(({ ctx, next }) => {
  if (!can(ctx.user.role, 'settings.manage')) throw new TRPCError({ code: 'FORBIDDEN', message: `Your role (${ctx.user.role}) may not manage worker tokens; ask an admin` });
  return next();
});

export const workersRouter = createTRPCRouter({
  /** Whether steps go to the queue at all, the connected workers, and what waits or runs. */
  status: admin.query(async ({ ctx }) => {
    const redisUrl = getEnv().PIPEWORKS_REDIS_URL;
    const workers = (await connectedWorkers(ctx.anyDb)).map((w) => ({
      id: w.id,
      hostname: w.hostname,
      capabilities: w.capabilities,
      concurrency: w.concurrency,
      active: w.active,
      loadAverage: w.loadAverage,
      startedAt: w.startedAt,
      lastHeartbeatAt: w.lastHeartbeatAt,
    }));
    return { queueMode: Boolean(redisUrl), workers, depth: redisUrl ? await getRunManager().queueDepth() : null };
  }),

  tokens: admin.query(async ({ ctx }) =>
    (await listWorkerTokens(ctx.anyDb)).map(({ id, name, prefix, createdAt, lastUsedAt, revokedAt }) => ({ id, name, prefix, createdAt, lastUsedAt, revokedAt })),
  ),

  /** The raw token is in this answer and nowhere else: the server keeps only its hash. */
  createToken: adminSession
    .input(z.object({ name: z.string().trim().min(1, 'Give the token a name').max(100, 'Token names have at most 100 characters') }))
    .mutation(async ({ ctx, input }) => {
      const created = await createWorkerToken(ctx.anyDb, ctx.user.id, input.name);
      await audit(ctx.anyDb, { userId: ctx.user.id, action: 'workerToken.create', targetType: 'workerToken', targetId: created.id, detail: { name: input.name, prefix: created.prefix } });
      return { id: created.id, name: input.name, prefix: created.prefix, token: created.token };
    }),

  revokeToken: adminSession.input(z.object({ id: z.string().min(1).max(64) })).mutation(async ({ ctx, input }) => {
    if (!(await revokeWorkerToken(ctx.anyDb, input.id, ctx.user.id))) throw notFound('An active worker token with this id');
    await audit(ctx.anyDb, { userId: ctx.user.id, action: 'workerToken.revoke', targetType: 'workerToken', targetId: input.id, detail: {} });
    return { ok: true };
  }),
});
