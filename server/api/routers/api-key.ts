import { z } from 'zod';
import { createApiKey, listApiKeys, revokeApiKey } from '../../auth/api-keys';
import { audit } from '../../auth/audit';
import { notFound } from '../errors';
import { authedProcedure, createTRPCRouter, sessionProcedure } from '../trpc';

// Every role manages its own keys; a key acts with its owner's role, so it grants nothing new.
export const apiKeyRouter = createTRPCRouter({
  list: authedProcedure.query(async ({ ctx }) =>
    (await listApiKeys(ctx.anyDb, ctx.user.id)).map(({ id, name, prefix, createdAt, lastUsedAt, revokedAt }) => ({ id, name, prefix, createdAt, lastUsedAt, revokedAt })),
  ),

  /** The raw key is in this answer and nowhere else: the server keeps only its hash. */
  create: sessionProcedure
    .input(z.object({ name: z.string().trim().min(1, 'Give the key a name').max(100, 'Key names have at most 100 characters') }))
    .mutation(async ({ ctx, input }) => {
      const created = await createApiKey(ctx.anyDb, ctx.user.id, input.name);
      await audit(ctx.anyDb, { userId: ctx.user.id, action: 'apiKey.create', targetType: 'apiKey', targetId: created.id, detail: { name: input.name, prefix: created.prefix } });
      return { id: created.id, name: input.name, prefix: created.prefix, key: created.key };
    }),

  revoke: sessionProcedure
    .input(z.object({ id: z.string().min(1).max(64) }))
    .mutation(async ({ ctx, input }) => {
      // Someone else's key reads as missing, so ids of other people's keys cannot be probed.
      if (!(await revokeApiKey(ctx.anyDb, ctx.user.id, input.id))) throw notFound('An active API key with this id');
      await audit(ctx.anyDb, { userId: ctx.user.id, action: 'apiKey.revoke', targetType: 'apiKey', targetId: input.id, detail: {} });
      return { ok: true };
    }),
});
