// The audit trail: who did what to which thing. Append-only; nothing here updates or deletes.
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { likePrefix } from '../db/like';
import { auditEvents, type AuditEvent } from '../db/schema';

export interface AuditInput {
  userId: string | null;
  /** Dotted verb, e.g. 'user.login', 'pipeline.save', 'run.start'. */
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  detail?: Record<string, unknown>;
}

export function audit(db: Db, event: AuditInput): void {
  db.insert(auditEvents)
    .values({
      at: Date.now(),
      userId: event.userId,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      detail: event.detail ?? {},
    })
    .run();
}

export function recentAuditEvents(db: Db, limit = 100): AuditEvent[] {
  return db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(limit).all();
}

export interface AuditQuery {
  /** Events older than this id (the last id of the previous page); newest first. */
  beforeId?: number;
  limit: number;
  /** An action or a family of them: 'model.alias' matches 'model.alias.move', 'model.alias.approve', … */
  action?: string;
  targetType?: string;
  targetId?: string;
}

/** A page of the trail, newest first, paged by id so new events never shift a page. */
export function auditPage(db: Db, query: AuditQuery): AuditEvent[] {
  return db
    .select()
    .from(auditEvents)
    .where(
      and(
        query.beforeId !== undefined ? lt(auditEvents.id, query.beforeId) : undefined,
        query.action ? likePrefix(auditEvents.action, query.action) : undefined,
        query.targetType ? eq(auditEvents.targetType, query.targetType) : undefined,
        query.targetId ? eq(auditEvents.targetId, query.targetId) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(query.limit)
    .all();
}

/** A route handler refused a signed-in caller (403): recorded like a refused procedure. */
export function auditRouteRefusal(db: Db, userId: string, req: Request, reason: string): void {
  audit(db, { userId, action: 'access.denied', targetType: 'route', targetId: new URL(req.url).pathname, detail: { method: req.method, reason } });
}
