// A new, empty, migrated database for each test, on whichever database the pass runs. Tests
// written around one empty database each (the monitoring kit's fixed endpoint 'ep', fixed users)
// keep that on Postgres too, where openTestDb() hands every test of a file the file's one database.
import { rmSync } from 'node:fs';
import { openDatabase } from '../../../server/db/client';
import type { AnyDb } from '../../../server/db/any-db';
import { makeTempDir, openTestSqliteDb, testDatabaseKind } from '../../../server/db/test-db';
import { openPgDatabase } from '../../../server/db/pg-client';
import { createTestPgDatabase } from './postgres-available';

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
  const dir = makeTempDir();
  const pg = await createTestPgDatabase();
  return {
    dir,
    anyDb: pg.db,
    reopen: async () => {
      const other = await openPgDatabase(pg.url);
      return { anyDb: other.db, close: other.close };
    },
    cleanup: async () => {
      await pg.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
