// Tests about the SQLite file itself (its online backup, restoring it) have no Postgres run: in
// the Postgres pass (PIPEWORKS_TEST_DATABASE=postgres) they are skipped, and say why.
import { testDatabaseKind } from '../../../server/db/test-db';

/** True in the Postgres pass, after printing why the caller's tests are skipped: `it.skipIf(sqliteOnly('…'))`. */
export function sqliteOnly(why: string): boolean {
  if (testDatabaseKind() !== 'postgres') return false;
  console.warn(`skipped on Postgres: ${why}`);
  return true;
}
