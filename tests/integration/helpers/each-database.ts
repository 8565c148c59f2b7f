// Runs one suite on every database Pipeworks supports: a fresh SQLite file, and a fresh Postgres
// database created for the test file and dropped after it (skipped, saying so, where Postgres is
// unreachable; failing instead with PIPEWORKS_REQUIRE_POSTGRES=1). When the whole suite runs on
// Postgres (PIPEWORKS_TEST_DATABASE=postgres) the SQLite half is left to the SQLite pass.
import { afterAll, beforeAll, describe } from 'vitest';
import type { AnyDb, Dialect } from '../../../server/db/any-db';
import { openTestSqliteDb, testDatabaseKind, type TestDb } from '../../../server/db/test-db';
import { createTestPgDatabase, postgresForTests, type TestPgDatabase } from './postgres-available';

export interface DatabaseUnderTest {
  readonly dialect: Dialect;
  /** The database, open from beforeAll to afterAll. */
  readonly db: AnyDb;
  /** Where another connection (a serving process) finds it: the SQLite data directory, or the Postgres URL. */
  readonly location: string;
}

const postgres = await postgresForTests();

const postgresPass = testDatabaseKind() === 'postgres';

export function describeEachDatabase(title: string, suite: (under: DatabaseUnderTest) => void): void {
  // In the Postgres pass, processes this file starts inherit a PIPEWORKS_DATABASE_URL, so the SQLite half would not be SQLite throughout.
  describe.skipIf(postgresPass)(`${title} [sqlite]`, () => {
    let opened: TestDb | undefined;
    beforeAll(() => {
      opened = openTestSqliteDb();
    });
    afterAll(() => opened?.cleanup());
    suite({
      dialect: 'sqlite',
      get db() {
        if (!opened) throw new Error('the SQLite database opens in beforeAll');
        return opened.anyDb;
      },
      get location() {
        if (!opened) throw new Error('the SQLite database opens in beforeAll');
        return opened.dir;
      },
    });
  });

  // Skipped only where Postgres is unreachable: postgresForTests() prints why; PIPEWORKS_REQUIRE_POSTGRES=1
  // (set by .ci/run) fails instead.
  describe.skipIf(!postgres)(`${title} [postgres]`, () => {
    let opened: TestPgDatabase | undefined;
    beforeAll(async () => {
      opened = await createTestPgDatabase();
    });
    afterAll(async () => {
      await opened?.drop();
    });
    suite({
      dialect: 'pg',
      get db() {
        if (!opened) throw new Error('the Postgres database opens in beforeAll');
        return opened.db;
      },
      get location() {
        if (!opened) throw new Error('the Postgres database opens in beforeAll');
        return opened.url;
      },
    });
  });
}
