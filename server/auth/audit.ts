// The audit trail: who did what to which thing. Append-only; nothing here updates or deletes.
import { desc } from 'drizzle-orm';
import type { Db } from '../db/client';
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
