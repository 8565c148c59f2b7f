// A person's own in-app notifications: the header bell's list, unread count and "mark read".
import { z } from 'zod';
import { listNotifications, markRead, unreadCount } from '../../alerts/notifications';
import { pageCursor, pageDirection } from '../page-cursor';
import { authedProcedure, createTRPCRouter } from '../trpc';

export const notificationsRouter = createTRPCRouter({
  list: authedProcedure
    .input(z.object({ limit: z.number().int().min(1).max(200).default(30), cursor: pageCursor.optional(), direction: pageDirection }).strict())
    .query(({ ctx, input }) => listNotifications(ctx.anyDb, ctx.user.id, input.limit, input.cursor)),
  unreadCount: authedProcedure.query(({ ctx }) => unreadCount(ctx.anyDb, ctx.user.id)),
  /** Marks the listed notifications read, or all of one's own when `ids` is absent. */
  markRead: authedProcedure
    .input(z.object({ ids: z.array(z.string().min(1).max(64)).max(500).optional() }).strict())
    .mutation(async ({ ctx, input }) => ({ marked: await markRead(ctx.anyDb, ctx.user.id, input.ids) })),
});
