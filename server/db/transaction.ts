// The one way to run a transaction on an AnyDb, correct on both dialects.
//
// - Postgres: a pooled client runs BEGIN … COMMIT, and the body first takes one transaction-scoped
//   advisory lock, so write transactions run one at a time across every process, as SQLite's
//   BEGIN IMMEDIATE makes them. A read-check-write body (the first admin, the last admin) is then
//   correct under READ COMMITTED without retries.
// - SQLite: better-sqlite3's own transactions cannot span an await, so the connection runs
//   BEGIN IMMEDIATE … COMMIT itself behind a per-connection async mutex. Queries on the outer
//   handle wait while a transaction holds the connection, so they never land inside it. The body
//   may await only its own queries (which better-sqlite3 answers at once): should it wait on
//   anything else (hashing, I/O, a timer, the outer handle), the transaction is rolled back,
//   the connection freed, and the body's next query and the call fail with TransactionAbandoned.
//   Do slow work before or after the transaction; on Postgres that keeps lock time short too.
//
// A call on a handle that is already a transaction joins it (no savepoint): nested store
// functions compose, and their writes commit or roll back with the outermost body.
import type { AnyDb } from './any-db';
import { transactionRunner, type TransactionRunner } from './any-db-handle';

export class TransactionAbandoned extends Error {
  constructor(detail: string) {
    super(`Transaction rolled back: ${detail}`);
    this.name = 'TransactionAbandoned';
  }
}

export function withTransaction<T>(db: AnyDb, body: (tx: AnyDb) => Promise<T>): Promise<T> {
  const run = (db as unknown as { [transactionRunner]?: TransactionRunner })[transactionRunner];
  if (!run) throw new TypeError('withTransaction needs an AnyDb handle (server/db/any-db.ts)');
  return run(body);
}
