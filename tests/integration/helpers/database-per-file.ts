// The integration project's setup file (vitest.config.ts). With PIPEWORKS_TEST_DATABASE=postgres
// (npm run test:integration:pg) each test file gets a fresh Postgres database, created from
// template0 before the file's tests and dropped after them, and everything the file starts uses
// it: getDb() and openTestDb() in the test process, and, through the inherited
// PIPEWORKS_DATABASE_URL, the studio, serving and CLI processes it spawns (each awaits prepareDb()
// at its start). Unset, this does nothing: the suite runs on SQLite files as always.
import { afterAll, beforeAll } from 'vitest';
import { closeDb, openPostgresEntry, type OpenedDatabase } from '../../../server/db/client';
import { testDatabaseKind } from '../../../server/db/test-db';
import { resetEnvForTests } from '../../../server/env';
import { nameTestPgDatabase, TEST_POSTGRES_URL } from './postgres-available';

if (testDatabaseKind() === 'postgres') {
  const database = nameTestPgDatabase();
  // Set before the test file is imported, so whatever it reads from the environment names this database.
  process.env.PIPEWORKS_DATABASE_URL = database.url;
  resetEnvForTests();

  let entry: OpenedDatabase | undefined;
  // In hooks, not at import: vitest runs no hooks for a file whose tests are all skipped, and a
  // database created then would never be dropped. These run before the file's own and after them.
  beforeAll(async () => {
    // Asked for by name, so an unreachable server fails the file rather than skipping it.
    await database.create().catch((error: unknown) => {
      throw new Error(`PIPEWORKS_TEST_DATABASE=postgres, but ${TEST_POSTGRES_URL} could not create a test database: ${(error as Error).message}`);
    });
    entry = await openPostgresEntry(database.url);
    // A test may closeDb() itself; ending the pool twice would throw, so both calls share one end.
    const end = entry.closePool;
    let ending: Promise<void> | undefined;
    if (end) entry.closePool = () => (ending ??= end());
  });
  afterAll(async () => {
    closeDb();
    await entry?.closePool?.();
    await database.drop();
  });
}
