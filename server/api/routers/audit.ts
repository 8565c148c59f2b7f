// The audit trail for administrators, and a model's alias history for everyone who can read it.
import { z } from 'zod';
import { auditPage, type AuditQuery } from '../../auth/audit';
import type { AnyDb } from '../../db/any-db';
import { namesOfUsers } from '../../registry/registry-read';
import { createTRPCRouter, permitted } from '../trpc';

// `cursor` (tRPC's name for it, so clients can page with infinite queries) is the last id seen.
const page = {
  cursor: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(200).default(50),
};

async function withNames(db: AnyDb, query: AuditQuery) {
  const events = await auditPage(db, query);
  // People named inside the detail too (who asked for a move, who approved it).
  const mentioned = events.flatMap((e) => Object.entries(e.detail).flatMap(([key, value]) => (key.endsWith('By') && typeof value === 'string' ? [value] : [])));
  const names = await namesOfUsers(db, [...events.map((e) => e.userId), ...mentioned]);
  return {
    events: events.map((e) => ({ ...e, userName: e.userId ? (names.get(e.userId) ?? null) : null })),
    people: Object.fromEntries(names),
    /** The cursor for the next (older) page, or null at the start of the trail. */
    nextCursor: events.length === query.limit ? events[events.length - 1].id : null,
  };
}

export const auditRouter = createTRPCRouter({
  list: permitted('audit.read')
    .input(z.object({ ...page, action: z.string().max(100).optional(), targetType: z.string().max(50).optional(), targetId: z.string().max(100).optional() }))
    .query(({ ctx, input: { cursor, ...rest } }) => withNames(ctx.anyDb, { ...rest, beforeId: cursor })),

  /** Alias moves and other changes of one model, newest first. */
  modelHistory: permitted('pipeline.read')
    .input(z.object({ modelId: z.string().min(1).max(64), ...page }))
    .query(({ ctx, input }) => withNames(ctx.anyDb, { limit: input.limit, beforeId: input.cursor, targetType: 'model', targetId: input.modelId })),
});
