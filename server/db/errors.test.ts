import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projects, users } from './schema';
import { isUniqueViolation, sqliteErrorCode } from './errors';
import { openTestDb, type TestDb } from './test-db';

let t: TestDb;
beforeEach(() => {
  t = openTestDb();
});
afterEach(() => t.cleanup());

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('sqliteErrorCode', () => {
  it('finds the code of a drizzle unique violation', () => {
    const user = { id: 'u', email: 'a@b.co', name: 'A', role: 'viewer' as const, passwordHash: 'h', createdAt: 1 };
    t.db.insert(users).values(user).run();
    const error = caught(() => t.db.insert(users).values({ ...user, id: 'u2' }).run());
    expect(sqliteErrorCode(error)).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('finds a foreign key violation and ignores unrelated errors', () => {
    const error = caught(() => t.db.insert(projects).values({ id: 'p', name: 'P', createdBy: 'ghost', createdAt: 1 }).run());
    expect(sqliteErrorCode(error)).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
    expect(isUniqueViolation(error)).toBe(false);
    expect(sqliteErrorCode(new Error('x'))).toBeUndefined();
    expect(sqliteErrorCode('SQLITE_BUSY')).toBeUndefined();
  });
});
