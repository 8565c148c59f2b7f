// In-app notifications: one row per person. Projects have no member lists, so everyone who may
// read pipelines (every role today) sees every project, and is told about its alerts.
import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { AnyDb } from '../db/any-db';
import { first } from '../db/any-db';
import { newestFirst, olderThan, type PageCursor } from '../db/keyset';
import type { Notification } from '../db/schema';
import { can, type Action } from '../auth/roles';

export interface NotificationInput {
  kind: string;
  title: string;
  body: string;
  /** A studio path. */
  link: string | null;
}

const rowsFor = (told: readonly { id: string }[], note: NotificationInput, now: number) => told.map((u) => ({ id: randomUUID(), userId: u.id, ...note, createdAt: now, readAt: null }));

/** Everyone who can see a project: active users whose role may read it. Returns how many were told. */
export function notifyProjectReaders(db: AnyDb, note: NotificationInput, now = Date.now()): Promise<number> {
  return notifyUsersWho(db, 'pipeline.read', note, now);
}

/** Every active user whose role may do `action` (e.g. 'user.manage': the admins). Returns how many were told. */
export async function notifyUsersWho(db: AnyDb, action: Action, note: NotificationInput, now = Date.now()): Promise<number> {
  const told = (await db.select({ id: db.t.users.id, role: db.t.users.role }).from(db.t.users).where(isNull(db.t.users.disabledAt))).filter((u) => can(u.role, action));
  if (told.length === 0) return 0;
  await db.insert(db.t.notifications).values(rowsFor(told, note, now));
  return told.length;
}

/** Newest first; `before` is the last notification of the previous page. */
export async function listNotifications(db: AnyDb, userId: string, limit: number, before?: PageCursor): Promise<Notification[]> {
  const n = db.t.notifications;
  return db
    .select()
    .from(n)
    .where(and(eq(n.userId, userId), olderThan(n.createdAt, n.id, before)))
    .orderBy(...newestFirst(n.createdAt, n.id))
    .limit(limit);
}

export async function unreadCount(db: AnyDb, userId: string): Promise<number> {
  const n = db.t.notifications;
  return first(await db.select({ n: count() }).from(n).where(and(eq(n.userId, userId), isNull(n.readAt))))?.n ?? 0;
}

/** Marks the given notifications of this person read (all of theirs when `ids` is absent). */
export async function markRead(db: AnyDb, userId: string, ids: string[] | undefined, now = Date.now()): Promise<number> {
  const n = db.t.notifications;
  const marked = await db
    .update(n)
    .set({ readAt: now })
    .where(and(eq(n.userId, userId), isNull(n.readAt), ids === undefined ? undefined : inArray(n.id, ids)))
    .returning({ id: n.id });
  return marked.length;
}
