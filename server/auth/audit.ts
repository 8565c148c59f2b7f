// The audit trail: who did what to which thing. Append-only; nothing here updates or deletes.
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { AnyDb } from '../db/any-db';
import { likePrefix } from '../db/like';
import type { AuditEvent } from '../db/schema';

export interface AuditInput {
  userId: string | null;
  /** Dotted verb, e.g. 'user.login', 'pipeline.save', 'run.start'. */
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  detail?: Record<string, unknown>;
}

function auditRow(event: AuditInput) {
  return {
    at: Date.now(),
    userId: event.userId,
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    detail: event.detail ?? {},
  };
}

/**
 * Appends one event on the database, or on a transaction in withTransaction (the event commits or
 * rolls back with it). It is one insert on that handle, to await, and nothing else is awaited, so
 * it is allowed inside a SQLite transaction body.
 */
export async function audit(db: AnyDb, event: AuditInput): Promise<void> {
  await db.insert(db.t.auditEvents).values(auditRow(event));
}

export async function recentAuditEvents(db: AnyDb, limit = 100): Promise<AuditEvent[]> {
  return db.select().from(db.t.auditEvents).orderBy(desc(db.t.auditEvents.id)).limit(limit);
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
export async function auditPage(db: AnyDb, query: AuditQuery): Promise<AuditEvent[]> {
  const { auditEvents } = db.t;
  return db
    .select()
    .from(auditEvents)
    .where(
      and(
        query.beforeId !== undefined ? lt(auditEvents.id, query.beforeId) : undefined,
        // SQLite's LIKE ignores ASCII case and Postgres's does not: compare lower-cased on both.
        query.action ? likePrefix(sql`lower(${auditEvents.action})`, query.action.toLowerCase()) : undefined,
        query.targetType ? eq(auditEvents.targetType, query.targetType) : undefined,
        query.targetId ? eq(auditEvents.targetId, query.targetId) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(query.limit);
}

/** A route handler refused a signed-in caller (403): recorded like a refused procedure. */
export async function auditRouteRefusal(db: AnyDb, userId: string, req: Request, reason: string): Promise<void> {
  await audit(db, { userId, action: 'access.denied', targetType: 'route', targetId: new URL(req.url).pathname, detail: { method: req.method, reason } });
}
