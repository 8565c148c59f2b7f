// AnyDb over one better-sqlite3 connection: BEGIN IMMEDIATE transactions behind an async mutex
// (the rules are in transaction.ts).
import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { AnyDb, Tables } from './any-db';
import { makeHandle, type Gate } from './any-db-handle';
import * as sqliteSchema from './schema';
import { TransactionAbandoned } from './transaction';

// The SQLite tables stand in for the Postgres ones: schema-parity.test.ts holds their names and
// row types equal, and the handle's queries are built by the SQLite driver.
const tables = sqliteSchema as unknown as Tables;

export function sqliteAnyDb(sqlite: Database.Database, db: BetterSQLite3Database<typeof sqliteSchema>): AnyDb {
  let held: Promise<void> = Promise.resolve();
  let busy = false;

  const outerGate: Gate = (start) => (busy ? held.then(start) : start());

  async function runTransaction<T>(body: (tx: AnyDb) => Promise<T>): Promise<T> {
    // The mutex: each transaction waits for the one before it.
    let release!: () => void;
    const previous = held;
    held = new Promise<void>((resolve) => (release = resolve));
    await previous;
    busy = true;
    let abandoned: TransactionAbandoned | null = null;
    let open = true;
    const finish = (sqlText: 'COMMIT' | 'ROLLBACK') => {
      if (!open) return;
      open = false;
      try {
        sqlite.exec(sqlText);
      } finally {
        busy = false;
        release();
      }
    };
    sqlite.exec('BEGIN IMMEDIATE');
    // Runs only once the body has waited on something other than its own queries.
    const guard = setImmediate(() => {
      abandoned = new TransactionAbandoned('on SQLite a transaction body may await only its own queries; do slow work before or after it');
      finish('ROLLBACK');
    });
    const txGate: Gate = (start) => (abandoned ? Promise.reject(abandoned) : start());
    const tx = makeHandle({ dialect: 'sqlite', drizzle: db, tables, gate: txGate, runTransaction: (inner) => inner(tx) });
    try {
      const result = await body(tx);
      if (abandoned) throw abandoned;
      finish('COMMIT');
      return result;
    } catch (error) {
      finish('ROLLBACK');
      throw error;
    } finally {
      clearImmediate(guard);
    }
  }

  return makeHandle({ dialect: 'sqlite', drizzle: db, tables, gate: outerGate, runTransaction });
}
