// In-app notifications: one row per person. Projects have no member lists, so everyone who may
// read pipelines (every role today) sees every project, and is told about its alerts.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { notifications, users, type Notification } from '../db/schema';
import { can, type Action } from '../auth/roles';

export interface NotificationInput {
  kind: string;
  title: string;
  body: string;
  /** A studio path. */
  link: string | null;
}

/** Everyone who can see a project: active users whose role may read it. Returns how many were told. */
export function notifyProjectReaders(db: Db, note: NotificationInput, now = Date.now()): number {
  return notifyUsersWho(db, 'pipeline.read', note, now);
}

/** Every active user whose role may do `action` (e.g. 'user.manage': the admins). Returns how many were told. */
export function notifyUsersWho(db: Db, action: Action, note: NotificationInput, now = Date.now()): number {
  const told = db.select({ id: users.id, role: users.role }).from(users).where(isNull(users.disabledAt)).all().filter((u) => can(u.role, action));
  if (told.length === 0) return 0;
  db.insert(notifications)
    .values(told.map((u) => ({ id: randomUUID(), userId: u.id, ...note, createdAt: now, readAt: null })))
    .run();
  return told.length;
}

export function listNotifications(db: Db, userId: string, limit: number, before?: number): Notification[] {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), before === undefined ? undefined : lt(notifications.createdAt, before)))
    .orderBy(desc(notifications.createdAt))
    .limit(limit)
    .all();
}

export function unreadCount(db: Db, userId: string): number {
  return db.select({ n: sql<number>`count(*)` }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).get()?.n ?? 0;
}

/** Marks the given notifications of this person read (all of theirs when `ids` is absent). */
export function markRead(db: Db, userId: string, ids: string[] | undefined, now = Date.now()): number {
  return db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids === undefined ? undefined : inArray(notifications.id, ids)))
    .run().changes;
}
