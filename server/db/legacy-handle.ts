// pg: transition. The legacy SQLite handles for callers that still take one beside the AnyDb
// (docs/architecture.md, "Data access"). On Postgres, reading `getDb().db` throws at once, which
// would stop a process at start even when the path that needs the handle never runs; these hand
// out stand-ins instead, which throw SqliteOnlyPath, naming the handle, only when used.
import { SqliteOnlyPath, type OpenedDatabase } from './client';

/** The sync Drizzle handle on SQLite; on Postgres a stand-in that refuses when a query touches it. */
export function legacyDb(opened: OpenedDatabase, name = 'The synchronous SQLite handle (getDb().db)'): OpenedDatabase['db'] {
  return opened.anyDb.dialect === 'sqlite' ? opened.db : refusing(name);
}

/** The raw better-sqlite3 connection on SQLite; on Postgres a stand-in that refuses when used. */
export function legacySqlite(opened: OpenedDatabase, name = 'The raw SQLite connection (getDb().sqlite)'): OpenedDatabase['sqlite'] {
  return opened.anyDb.dialect === 'sqlite' ? opened.sqlite : refusing(name);
}

function refusing<T>(what: string): T {
  return new Proxy({}, {
    get(_target, prop) {
      // Not a thenable: awaiting or returning a holder of the handle must not touch it.
      if (prop === 'then') return undefined;
      throw new SqliteOnlyPath(what);
    },
  }) as T;
}
