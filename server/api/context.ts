// Who is calling: a session cookie from the browser, or an API key (Authorization: Bearer pw_…) from scripts.
import { getApiKeyUser } from '../auth/api-keys';
import { readCookie } from '../auth/cookies';
import { getSessionUser, SESSION_COOKIE } from '../auth/sessions';
import type { Role } from '../auth/roles';
import { getDb } from '../db/client';

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** How the caller proved who they are; some actions need a person at a browser. */
  via: 'session' | 'apiKey';
}

export function resolveUser(headers: Headers): CurrentUser | null {
  const { db } = getDb();
  const auth = headers.get('authorization');
  const via: CurrentUser['via'] = auth?.startsWith('Bearer ') ? 'apiKey' : 'session';
  const user = auth && via === 'apiKey'
    ? getApiKeyUser(db, auth.slice('Bearer '.length).trim())
    : (() => {
        const token = readCookie(headers.get('cookie'), SESSION_COOKIE);
        return token ? getSessionUser(db, token) : null;
      })();
  return user ? { id: user.id, email: user.email, name: user.name, role: user.role as Role, via } : null;
}

export function createContext({ req, resHeaders }: { req: Request; resHeaders: Headers }) {
  const opened = getDb();
  // anyDb: the dialect-neutral handle converted stores take (server/db/any-db.ts).
  return { db: opened.db, sqlite: opened.sqlite, anyDb: opened.anyDb, req, resHeaders, user: resolveUser(req.headers) };
}

export type Context = ReturnType<typeof createContext>;
