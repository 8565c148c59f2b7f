// How a process opens its database: SQLite synchronously (getDb), Postgres once, asynchronously,
// at the process's start (prepareDb).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb, openPostgresEntry, prepareDb, SqliteOnlyPath } from '../../server/db/client';
import { first } from '../../server/db/any-db';
import { resetEnvForTests } from '../../server/env';
import { createTestPgDatabase, postgresForTests, type TestPgDatabase } from './helpers/postgres-available';

const postgres = await postgresForTests();
const saved = process.env.PIPEWORKS_DATABASE_URL;

afterEach(() => {
  closeDb();
  if (saved === undefined) delete process.env.PIPEWORKS_DATABASE_URL;
  else process.env.PIPEWORKS_DATABASE_URL = saved;
  resetEnvForTests();
});

// Skipped only where Postgres is unreachable: postgresForTests() prints why; PIPEWORKS_REQUIRE_POSTGRES=1 (set by .ci/run) fails instead.
describe.skipIf(!postgres)('opening the process database on Postgres', () => {
  let target: TestPgDatabase;
  beforeAll(async () => {
    target = await createTestPgDatabase();
  });
  afterAll(async () => {
    await target?.drop();
  });

  it('hands out one pooled AnyDb on the migrated database, and refuses the SQLite-only handles by name', async () => {
    const opened = await openPostgresEntry(target.url);
    expect(await openPostgresEntry(target.url)).toBe(opened);
    expect(opened.anyDb.dialect).toBe('pg');
    const row = first(await opened.anyDb.select({ id: opened.anyDb.t.users.id }).from(opened.anyDb.t.users).limit(1));
    expect(row).toBeNull();
    expect(() => opened.db).toThrow(SqliteOnlyPath);
    expect(() => opened.sqlite).toThrow(/getDb\(\)\.sqlite.*not converted yet/);
  });

  it('with PIPEWORKS_DATABASE_URL set, getDb() asks for prepareDb() first; after it, both hand out that database', async () => {
    process.env.PIPEWORKS_DATABASE_URL = target.url;
    resetEnvForTests();
    closeDb();
    expect(() => getDb()).toThrow(/must await prepareDb\(\)/);
    const prepared = await prepareDb();
    expect(prepared.anyDb.dialect).toBe('pg');
    expect(getDb()).toBe(prepared);
  });
});
