// Opens the one SQLite file, applies pragmas and migrations, and keeps a process-wide handle.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database, { type RunResult } from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { getEnv } from '../env';
import type { AnyDb } from './any-db';
import { sqliteAnyDb } from './any-db-sqlite';
import * as schema from './schema';

/**
 * What unconverted store functions take: the SQLite database or a transaction on it, used
 * synchronously. Converted stores take AnyDb (any-db.ts) instead; see docs/architecture.md.
 */
export type Db = BaseSQLiteDatabase<'sync', RunResult, typeof schema>;
/** The connection itself, with the raw better-sqlite3 handle. */
export type DbClient = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: DbClient;
  /** The same connection as a dialect-neutral, awaited handle (converted stores). */
  anyDb: AnyDb;
  /** Ends a Postgres pool; absent on SQLite, whose `sqlite.close()` is synchronous. */
  closePool?: () => Promise<void>;
}

/** A code path that still reads the SQLite-only handle ran while the data lives in Postgres. */
export class SqliteOnlyPath extends Error {
  constructor(what: string) {
    super(`${what} is only available on SQLite, but PIPEWORKS_DATABASE_URL puts the data in Postgres: this code path is not converted yet (docs/architecture.md, "Data access")`);
    this.name = 'SqliteOnlyPath';
  }
}

export const DB_FILE_NAME = 'pipeworks.db';

// Resolved from cwd, not import.meta.url: under Next the module is bundled into .next/ and the
// SQL files are not. Both the app and the test runner start from the repo root.
export function defaultMigrationsFolder(): string {
  return path.resolve(process.cwd(), 'server/db/migrations');
}

export function openDatabase(dataDir: string, migrationsFolder = defaultMigrationsFolder()): OpenedDatabase {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new Database(path.join(dataDir, DB_FILE_NAME));
  try {
    // WAL lets readers (UI polling) proceed while a runner writes; NORMAL is durable enough under WAL.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    // Reads through a memory map rather than read() calls: a runs-table page probes a thousand
    // index entries scattered over the file, and each syscall costs more than the probe.
    sqlite.pragma('mmap_size = 268435456');
    const db = drizzle({ client: sqlite, schema });
    migrate(db, { migrationsFolder });
    return { sqlite, db, anyDb: sqliteAnyDb(sqlite, db) };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

// On globalThis because Next dev re-evaluates modules on every edit; a module-level variable
// would leak one open connection per reload.
const registryKey = Symbol.for('pipeworks.db');
type Registry = Map<string, OpenedDatabase>;

function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [registryKey]?: Registry };
  holder[registryKey] ??= new Map();
  return holder[registryKey];
}

/**
 * The process's database: the SQLite file in `dataDir`, or, when PIPEWORKS_DATABASE_URL is set, the
 * Postgres database that `prepareDb()` opened at the process's start (Postgres opens and migrates
 * asynchronously, so a process that may run on it awaits `prepareDb()` before anything else).
 */
export function getDb(dataDir = getEnv().PIPEWORKS_DATA_DIR): OpenedDatabase {
  const url = getEnv().PIPEWORKS_DATABASE_URL;
  if (url !== undefined) {
    const entry = registry().get(pgKey(url));
    if (!entry) throw new Error('The Postgres database is opened asynchronously: this process must await prepareDb() (server/db/client.ts) at start');
    return entry;
  }
  const key = path.resolve(dataDir);
  const open = registry();
  let entry = open.get(key);
  if (!entry) {
    entry = openDatabase(key);
    open.set(key, entry);
  }
  return entry;
}

const pgKey = (url: string) => `postgres:${url}`;

/**
 * Opens the process's database once, before it serves anything: on Postgres it connects and
 * applies the Postgres migrations (under an advisory lock); on SQLite it is `getDb()`.
 */
export async function prepareDb(dataDir = getEnv().PIPEWORKS_DATA_DIR): Promise<OpenedDatabase> {
  const url = getEnv().PIPEWORKS_DATABASE_URL;
  if (url === undefined) return getDb(dataDir);
  return openPostgresEntry(url);
}

/** prepareDb's Postgres half, for a given URL (tests that open a database of their own). */
export async function openPostgresEntry(url: string): Promise<OpenedDatabase> {
  const key = pgKey(url);
  const existing = registry().get(key);
  if (existing) return existing;
  // Loaded only here: a SQLite process never loads the Postgres driver.
  const { openPgDatabase } = await import('./pg-client');
  const pg = await openPgDatabase(url);
  const entry: OpenedDatabase = {
    get sqlite(): Database.Database {
      throw new SqliteOnlyPath('The raw SQLite connection (getDb().sqlite)');
    },
    get db(): DbClient {
      throw new SqliteOnlyPath('The synchronous SQLite handle (getDb().db)');
    },
    anyDb: pg.db,
    closePool: pg.close,
  };
  // Two callers racing here: keep the first pool, end the second.
  const raced = registry().get(key);
  if (raced) {
    await pg.close();
    return raced;
  }
  registry().set(key, entry);
  return entry;
}

/** Closes one data dir's handle, or all of them. */
export function closeDb(dataDir?: string): void {
  const open = registry();
  const keys = dataDir === undefined ? [...open.keys()] : [path.resolve(dataDir)];
  for (const key of keys) {
    const entry = open.get(key);
    open.delete(key);
    if (!entry) continue;
    if (entry.closePool) {
      entry.closePool().catch((error: unknown) => console.error(`[db] closing the Postgres pool failed: ${String(error)}`));
    } else {
      entry.sqlite.close();
    }
  }
}
