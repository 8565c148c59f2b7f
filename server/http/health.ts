import { getDb } from '../db/client';

export function healthReport(): { ok: boolean; db: 'ok' | 'error' } {
  try {
    getDb().sqlite.prepare('select 1').get();
    return { ok: true, db: 'ok' };
  } catch (error) {
    console.error('[health] database check failed', error);
    return { ok: false, db: 'error' };
  }
}
