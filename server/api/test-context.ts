// A tRPC context for router tests: a test database and a person signed in one way or another.
import type { PublicUser } from '../auth/users';
import type { TestDb } from '../db/test-db';
import { contextHandles, type Context } from './context';

export function testContext(t: Pick<TestDb, 'db' | 'sqlite' | 'anyDb'>, user: PublicUser | null, via: 'session' | 'apiKey' = 'session'): Context {
  return {
    // As createContext gives them: on Postgres (openTestDb in the Postgres pass) db and sqlite are
    // stand-ins that throw SqliteOnlyPath when used, so only procedures not yet converted fail.
    ...contextHandles(t),
    req: new Request('http://127.0.0.1/api/trpc'),
    resHeaders: new Headers(),
    user: user && { id: user.id, email: user.email, name: user.name, role: user.role, via },
  };
}
