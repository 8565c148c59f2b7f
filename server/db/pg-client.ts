// Opens a Postgres database (PIPEWORKS_DATABASE_URL) through node-postgres, applies the Postgres
// migration history, and hands out an AnyDb whose transactions serialize on one advisory lock.
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { Pool } from 'pg';
import type { AnyDb } from './any-db';
import { makeHandle } from './any-db-handle';
import * as pgSchema from './schema.pg';

// Fixed 64-bit keys: every Pipeworks transaction takes the first (transaction.ts); opening takes
// the second around migrating, so two processes starting at once do not both apply a migration.
const WRITE_LOCK_KEY = 0x5069_7065_776f_726bn; // "Pipework"
const MIGRATE_LOCK_KEY = 0x5069_7065_4d69_6772n; // "PipeMigr"

export function defaultPgMigrationsFolder(): string {
  return path.resolve(process.cwd(), 'server/db/migrations-pg');
}

export interface OpenedPgDatabase {
  pool: Pool;
  db: AnyDb;
  close(): Promise<void>;
}

function pgAnyDb(db: NodePgDatabase<typeof pgSchema>): AnyDb {
  const runTransaction = <T>(body: (tx: AnyDb) => Promise<T>): Promise<T> =>
    db.transaction(async (pgTx) => {
      await pgTx.execute(sql`select pg_advisory_xact_lock(${WRITE_LOCK_KEY})`);
      const tx: AnyDb = makeHandle({ dialect: 'pg', drizzle: pgTx, tables: pgSchema, runTransaction: (inner) => inner(tx) });
      return body(tx);
    });
  return makeHandle({ dialect: 'pg', drizzle: db, tables: pgSchema, runTransaction });
}

export async function openPgDatabase(url: string, migrationsFolder = defaultPgMigrationsFolder()): Promise<OpenedPgDatabase> {
  // allowExitOnIdle: a CLI command ends when its work does, as on SQLite; without it the pool's idle
  // connections (kept warm by the KPI loop's ticks) hold the process open for good.
  const pool = new Pool({ connectionString: url, max: 10, allowExitOnIdle: true });
  // An idle client's error (the server restarted) must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error(`[db] idle Postgres connection failed: ${error.message}`));
  try {
    const db = drizzle({ client: pool, schema: pgSchema });
    const lock = await pool.connect();
    try {
      await lock.query('select pg_advisory_lock($1)', [MIGRATE_LOCK_KEY.toString()]);
      await migrate(db, { migrationsFolder });
    } finally {
      await lock.query('select pg_advisory_unlock($1)', [MIGRATE_LOCK_KEY.toString()]).catch(() => undefined);
      lock.release();
    }
    return { pool, db: pgAnyDb(db), close: () => pool.end() };
  } catch (error) {
    await pool.end();
    throw error;
  }
}
