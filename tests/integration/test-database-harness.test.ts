// The integration suite's database plumbing (helpers/database-per-file.ts): what the test process
// opens and what a process it spawns opens are one database, the SQLite file in the data directory
// or, in the Postgres pass (npm run test:integration:pg), the test file's own pw_test_ database.
import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { first } from '../../server/db/any-db';
import { getDb } from '../../server/db/client';
import { openTestDb, openTestDbIn, testDatabaseKind } from '../../server/db/test-db';
import { resetEnvForTests } from '../../server/env';
import { cliOn } from './helpers/cli';
import { TEST_DATABASE_PREFIX } from './helpers/postgres-available';
import { newDataDir } from './helpers/server-process';

const kind = testDatabaseKind();
const dataDir = newDataDir();
const cli = cliOn(dataDir);
const opened = openTestDbIn(dataDir);
afterAll(() => opened.close());

describe(`the test database [${kind}]`, () => {
  it('is the one a spawned CLI process writes to', async () => {
    const res = cli(['user', 'add', '--email', 'ada@example.com', '--role', 'admin', '--name', 'Ada'], 'correct horse battery\n');
    expect(res.code, res.stderr).toBe(0);
    const db = opened.anyDb;
    const row = first(await db.select({ name: db.t.users.name }).from(db.t.users).where(eq(db.t.users.email, 'ada@example.com')).limit(1));
    expect(row).toEqual({ name: 'Ada' });
  });

  // What a fresh database is differs by pass: on Postgres (npm run test:integration:pg) the file's
  // own pw_test_ database, shared by getDb() and openTestDb(); on SQLite a new file per openTestDb().
  it(kind === 'postgres' ? "is the file's fresh pw_test_ database, shared by getDb() and openTestDb()" : 'is a new SQLite file per openTestDb()', async () => {
    if (kind === 'postgres') {
      const url = new URL(process.env.PIPEWORKS_DATABASE_URL ?? '');
      expect(url.pathname.slice(1).startsWith(TEST_DATABASE_PREFIX)).toBe(true);
      process.env.PIPEWORKS_DATA_DIR = newDataDir();
      resetEnvForTests();
      const t = openTestDb();
      try {
        expect(t.anyDb).toBe(getDb().anyDb);
        expect(t.anyDb.dialect).toBe('pg');
        expect(() => t.db).toThrow(/only available on SQLite/);
      } finally {
        t.cleanup();
      }
      return;
    }
    const a = openTestDb();
    const b = openTestDb();
    try {
      await a.anyDb.insert(a.anyDb.t.users).values({ id: 'u1', email: 'x@example.com', name: 'X', role: 'viewer', passwordHash: 'x', createdAt: 1 });
      expect(await b.anyDb.select().from(b.anyDb.t.users)).toEqual([]);
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });
});
