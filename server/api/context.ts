// Who is calling: a session cookie from the browser, or an API key (Authorization: Bearer pw_…) from scripts.
import { getApiKeyUser } from '../auth/api-keys';
import { readCookie } from '../auth/cookies';
import { getSessionUser, SESSION_COOKIE } from '../auth/sessions';
import type { Role } from '../auth/roles';
import type { AnyDb } from '../db/any-db';
import { getDb } from '../db/client';

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

export async function createContext({ req, resHeaders }: { req: Request; resHeaders: Headers }) {
  /** The dialect-neutral handle every store takes (server/db/any-db.ts). */
  const anyDb = getDb().anyDb;
  const user = await resolveUser(req.headers, anyDb);
  return { anyDb, req, resHeaders, user };
}

export type Context = Awaited<ReturnType<typeof createContext>>;
