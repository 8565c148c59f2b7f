// A fresh, migrated database in a temp dir for one test file; on Postgres (the integration suite
// with PIPEWORKS_TEST_DATABASE=postgres), the test file's own database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDb, openDatabase, type OpenedDatabase } from './client';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export interface TestDb extends OpenedDatabase {
  dir: string;
  cleanup(): void;
}

export type TestDatabaseKind = 'sqlite' | 'postgres';

/**
 * Which database the tests run on: PIPEWORKS_TEST_DATABASE=postgres (npm run test:integration:pg)
 * gives each integration test file a fresh Postgres database
 * (tests/integration/helpers/database-per-file.ts); unset or `sqlite`, the SQLite file as always.
 */
export function testDatabaseKind(): TestDatabaseKind {
  const value = process.env.PIPEWORKS_TEST_DATABASE;
  if (value === undefined || value === '' || value === 'sqlite') return 'sqlite';
  if (value === 'postgres') return 'postgres';
  throw new Error(`Invalid environment variable PIPEWORKS_TEST_DATABASE: expected "sqlite" or "postgres", got "${value}"`);
}

export function makeTempDir(prefix = 'pipeworks-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/**
 * The database a test works on. On SQLite a new file per call; on Postgres the test file's
 * database (created and migrated before the file ran, dropped after it), so calls in one file
 * share it, and its SQLite-only handles (`db`, `sqlite`) throw SqliteOnlyPath as in production.
 */
export function openTestDb(): TestDb {
  if (testDatabaseKind() === 'sqlite') return openTestSqliteDb();
  const entry = getDb();
  const dir = makeTempDir();
  return {
    get sqlite() {
      return entry.sqlite;
    },
    get db() {
      return entry.db;
    },
    anyDb: entry.anyDb,
    dir,
    // The pool belongs to the test file (database-per-file.ts ends it); only the directory is this call's.
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh SQLite file, whatever the tests run on (a suite's SQLite half, tests of the file itself). */
export function openTestSqliteDb(): TestDb {
  const dir = makeTempDir();
  const opened = openDatabase(dir, MIGRATIONS_FOLDER);
  return {
    ...opened,
    dir,
    cleanup() {
      opened.sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
