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
  const dir = makeTempDir();
  // The pool belongs to the test file (database-per-file.ts ends it); only the directory is this call's.
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  return postgresEntry({ dir, cleanup });
}

/**
 * The database a process started on `dataDir` (a serving process, a studio) opens, for a test to
 * seed or read: the SQLite file in that directory, or on Postgres the test file's database.
 * `close()` closes the SQLite connection; on Postgres the pool stays the test file's.
 */
export function openTestDbIn(dataDir: string): OpenedDatabase & { close(): void } {
  if (testDatabaseKind() === 'sqlite') {
    const opened = openDatabase(dataDir);
    return { ...opened, close: () => opened.sqlite.close() };
  }
  return postgresEntry({ close: () => undefined });
}

/**
 * The test file's Postgres entry with `extra` added. Its handles are getters, read when used: the
 * database opens in the file's first beforeAll, after module-level code may have called this, and
 * the SQLite-only ones are refused (SqliteOnlyPath) only where a test touches them.
 */
function postgresEntry<T extends object>(extra: T): OpenedDatabase & T {
  const handles: OpenedDatabase = {
    get sqlite() {
      return getDb().sqlite;
    },
    get db() {
      return getDb().db;
    },
    get anyDb() {
      return getDb().anyDb;
    },
  };
  return Object.assign(handles, extra);
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
