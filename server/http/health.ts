import { sql } from 'drizzle-orm';
import { getDb } from '../db/client';

/** One round trip to the database, on SQLite or Postgres: the studio is healthy when it answers. */
export async function healthReport(): Promise<{ ok: boolean; db: 'ok' | 'error' }> {
  try {
    const db = getDb().anyDb;
    await db.select({ one: sql<number>`1` }).from(db.t.users).limit(1);
    return { ok: true, db: 'ok' };
  } catch (error) {
    console.error('[health] database check failed', error);
    return { ok: false, db: 'error' };
  }
}
