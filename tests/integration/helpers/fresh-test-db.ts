// A new, empty, migrated database for each test, on whichever database the pass runs. Tests
// written around one empty database each (the monitoring kit's fixed endpoint 'ep', fixed users)
// keep that on Postgres too, where openTestDb() hands every test of a file the file's one database.
import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll } from 'vitest';
import { openDatabase } from '../../../server/db/client';
import type { AnyDb } from '../../../server/db/any-db';
import { makeTempDir, openTestSqliteDb, testDatabaseKind } from '../../../server/db/test-db';
import { openPgDatabase } from '../../../server/db/pg-client';
import { nameTestPgDatabase, TEST_POSTGRES_URL, type EmptyTestPgDatabase } from './postgres-available';

/** A second connection to the same database, standing in for another (or a restarted) process. */
export interface OtherConnection {
  anyDb: AnyDb;
  close(): Promise<void>;
}

export interface FreshTestDb {
  /** The data directory (artifacts; on SQLite the database file too). */
  dir: string;
  anyDb: AnyDb;
  /** Opens another connection of its own to this database. */
  reopen(): Promise<OtherConnection>;
  /** Closes it and removes it: the directory, and on Postgres the database. */
  cleanup(): Promise<void>;
}

export async function openFreshTestDb(): Promise<FreshTestDb> {
  if (testDatabaseKind() === 'sqlite') {
    const t = openTestSqliteDb();
    return {
      dir: t.dir,
      anyDb: t.anyDb,
      reopen: async () => {
        const other = openDatabase(t.dir);
        return {
          anyDb: other.anyDb,
          close: async () => {
            other.sqlite.close();
          },
        };
      },
      cleanup: async () => t.cleanup(),
    };
  }
  const created = await cloneOfMigrated();
  const dir = makeTempDir();
  const opened = await openPgDatabase(created.url);
  return {
    dir,
    anyDb: opened.db,
    reopen: async () => {
      const other = await openPgDatabase(created.url);
      return { anyDb: other.db, close: other.close };
    },
    cleanup: async () => {
      await opened.close();
      await created.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Migrating a new database takes seconds; copying a migrated one (CREATE DATABASE … TEMPLATE) a
// fraction of that. The template is made at the file's first call, with no connection left on it
// (Postgres copies only an unused database), and dropped after the file's tests.
let template: Promise<EmptyTestPgDatabase> | undefined;

if (testDatabaseKind() === 'postgres') {
  afterAll(async () => {
    const made = await template?.catch(() => undefined);
    await made?.drop();
  });
}

async function cloneOfMigrated(): Promise<EmptyTestPgDatabase> {
  template ??= (async () => {
    const empty = nameTestPgDatabase();
    await empty.create();
    const migrated = await openPgDatabase(empty.url).catch(async (error: unknown) => {
      await empty.drop();
      throw error;
    });
    await migrated.close();
    return empty;
  })();
  const source = await template;
  const copy = nameTestPgDatabase();
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${copy.name} TEMPLATE ${source.name}`);
  } finally {
    await admin.end();
  }
  return copy;
}
