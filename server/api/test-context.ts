// A tRPC context for router tests: a test database and a person signed in one way or another.
import type { PublicUser } from '../auth/users';
import type { TestDb } from '../db/test-db';
import type { Context } from './context';

export function testContext(t: Pick<TestDb, 'anyDb'>, user: PublicUser | null, via: 'session' | 'apiKey' = 'session'): Context {
  return {
    anyDb: t.anyDb,
    req: new Request('http://127.0.0.1/api/trpc'),
    resHeaders: new Headers(),
    user: user && { id: user.id, email: user.email, name: user.name, role: user.role, via },
  };
}
