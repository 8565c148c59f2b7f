// Runs one suite on every database Pipeworks supports: a fresh SQLite file, and a fresh Postgres
// database created for the test file and dropped after it (skipped, saying so, where Postgres is
// unreachable; failing instead with PIPEWORKS_REQUIRE_POSTGRES=1).
import { afterAll, beforeAll, describe } from 'vitest';
import type { AnyDb, Dialect } from '../../../server/db/any-db';
import { openTestDb, type TestDb } from '../../../server/db/test-db';
import { createTestPgDatabase, postgresForTests, type TestPgDatabase } from './postgres-available';

export interface DatabaseUnderTest {
  readonly dialect: Dialect;
  /** The database, open from beforeAll to afterAll. */
  readonly db: AnyDb;
  /** Where another connection (a serving process) finds it: the SQLite data directory, or the Postgres URL. */
  readonly location: string;
}

const postgres = await postgresForTests();

export function describeEachDatabase(title: string, suite: (under: DatabaseUnderTest) => void): void {
  describe(`${title} [sqlite]`, () => {
    let opened: TestDb | undefined;
    beforeAll(() => {
      opened = openTestDb();
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
