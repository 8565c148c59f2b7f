// pg: auth. The audit row a deletion or collection writes, on the AnyDb handle (inside its
// transaction), until server/auth/audit.ts takes an AnyDb; then call audit() there instead.
import type { AnyDb } from '../db/any-db';
import type { AuditInput } from '../auth/audit';

export async function auditOn(db: AnyDb, event: AuditInput): Promise<void> {
  await db.insert(db.t.auditEvents).values({
    at: Date.now(),
    userId: event.userId,
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    detail: event.detail ?? {},
  });
}
