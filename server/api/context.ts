// Who is calling: a session cookie from the browser, or an API key (Authorization: Bearer pw_…) from scripts.
import { getApiKeyUser } from '../auth/api-keys';
import { readCookie } from '../auth/cookies';
import { getSessionUser, SESSION_COOKIE } from '../auth/sessions';
import type { Role } from '../auth/roles';
import type { AnyDb } from '../db/any-db';
import { getDb, type OpenedDatabase } from '../db/client';
import { legacyDb, legacySqlite } from '../db/legacy-handle';

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** How the caller proved who they are; some actions need a person at a browser. */
  via: 'session' | 'apiKey';
}

export async function resolveUser(headers: Headers, db: AnyDb = getDb().anyDb): Promise<CurrentUser | null> {
  const auth = headers.get('authorization');
  const via: CurrentUser['via'] = auth?.startsWith('Bearer ') ? 'apiKey' : 'session';
  let user;
  if (auth && via === 'apiKey') {
    user = await getApiKeyUser(db, auth.slice('Bearer '.length).trim());
  } else {
    const token = readCookie(headers.get('cookie'), SESSION_COOKIE);
    user = token ? await getSessionUser(db, token) : null;
  }
  return user ? { id: user.id, email: user.email, name: user.name, role: user.role as Role, via } : null;
}

/**
 * The handles a procedure gets. anyDb: the dialect-neutral handle converted stores take
 * (server/db/any-db.ts). db and sqlite: the legacy SQLite handles; on Postgres, stand-ins that throw
 * SqliteOnlyPath when a not-yet-converted procedure touches them (reading them here would refuse
 * every request, converted or not).
 */
export function contextHandles(opened: OpenedDatabase): Pick<OpenedDatabase, 'db' | 'sqlite' | 'anyDb'> {
  return {
    db: legacyDb(opened, 'The synchronous SQLite handle (ctx.db)'),
    sqlite: legacySqlite(opened, 'The raw SQLite connection (ctx.sqlite)'),
    anyDb: opened.anyDb,
  };
}

export async function createContext({ req, resHeaders }: { req: Request; resHeaders: Headers }) {
  const handles = contextHandles(getDb());
  const user = await resolveUser(req.headers, handles.anyDb);
  return { ...handles, req, resHeaders, user };
}

export type Context = Awaited<ReturnType<typeof createContext>>;
