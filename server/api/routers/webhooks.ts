// Project webhooks (editors and admins make, test and delete them; the secret is shown once) and
// the allow-list of origins they may reach (admins only). All changes are audited.
import { z } from 'zod';
import { audit } from '../../auth/audit';
import { deliverWebhook } from '../../webhooks/deliver';
import { addAllowEntry, createWebhook, deleteWebhook, listAllowlist, listDeliveries, listWebhooks, removeAllowEntry } from '../../webhooks/webhook-store';
import { createTRPCRouter, permitted } from '../trpc';

const id = z.string().min(1).max(64);

export const webhooksRouter = createTRPCRouter({
  list: permitted('pipeline.read')
    .input(z.object({ projectId: id }).strict())
    .query(({ ctx, input }) => listWebhooks(ctx.anyDb, input.projectId)),
  create: permitted('deploy.manage')
    .input(z.object({ projectId: id, name: z.string().trim().min(1).max(200), url: z.string().min(1).max(2000) }).strict())
    .mutation(async ({ ctx, input }) => {
      const made = await createWebhook(ctx.anyDb, input, ctx.user.id);
      await audit(ctx.anyDb, { userId: ctx.user.id, action: 'webhook.create', targetType: 'webhook', targetId: made.webhook.id, detail: { projectId: input.projectId, name: input.name, url: made.webhook.url } });
      return made;
    }),
  delete: permitted('deploy.manage')
    .input(z.object({ id }).strict())
    .mutation(async ({ ctx, input }) => {
      const gone = await deleteWebhook(ctx.anyDb, input.id);
      await audit(ctx.anyDb, { userId: ctx.user.id, action: 'webhook.delete', targetType: 'webhook', targetId: gone.id, detail: { projectId: gone.projectId, name: gone.name, url: gone.url } });
      return { id: gone.id };
    }),
  /** Posts a `ping` event now, through the same guard as alerts; the delivery is recorded. */
  test: permitted('deploy.manage')
    .input(z.object({ id }).strict())
    .mutation(async ({ ctx, input }) => {
      // A person waits for this answer, so it is one attempt, never retried.
      const delivery = await deliverWebhook(ctx.anyDb, input.id, 'ping', { message: 'A test from Pipeworks' }, null, { maxAttempts: 1 });
      await audit(ctx.anyDb, { userId: ctx.user.id, action: 'webhook.test', targetType: 'webhook', targetId: input.id, detail: { status: delivery.status, error: delivery.error } });
      return delivery;
    }),
  deliveries: permitted('pipeline.read')
    .input(z.object({ webhookId: id, limit: z.number().int().min(1).max(200).default(50) }).strict())
    .query(({ ctx, input }) => listDeliveries(ctx.anyDb, input.webhookId, input.limit)),

  allowlist: createTRPCRouter({
    list: permitted('pipeline.read').query(({ ctx }) => listAllowlist(ctx.anyDb)),
    add: permitted('settings.manage')
      .input(z.object({ origin: z.string().min(1).max(500), allowPrivate: z.boolean().default(false) }).strict())
      .mutation(async ({ ctx, input }) => {
        const entry = await addAllowEntry(ctx.anyDb, input, ctx.user.id);
        await audit(ctx.anyDb, { userId: ctx.user.id, action: 'webhook.allowlist.add', targetType: 'webhookAllowlist', targetId: entry.id, detail: { origin: entry.origin, allowPrivate: entry.allowPrivate } });
        return entry;
      }),
    remove: permitted('settings.manage')
      .input(z.object({ id }).strict())
      .mutation(async ({ ctx, input }) => {
        const entry = await removeAllowEntry(ctx.anyDb, input.id);
        await audit(ctx.anyDb, { userId: ctx.user.id, action: 'webhook.allowlist.remove', targetType: 'webhookAllowlist', targetId: entry.id, detail: { origin: entry.origin } });
        return { id: entry.id };
      }),
  }),
});
