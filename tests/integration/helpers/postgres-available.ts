// Tests that run on Postgres need a real server. Where none answers they are skipped, and say so;
// with PIPEWORKS_REQUIRE_POSTGRES=1 (set by .ci/run) the same absence fails them instead.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPgDatabase, type OpenedPgDatabase } from '../../../server/db/pg-client';

/** Every database the tests create is named with this prefix, so a leftover one is recognizable as a test's. */
export const TEST_DATABASE_PREFIX = 'pw_test_';

/** A maintenance database on the server the tests use; each test file creates its own beside it. */
export const TEST_POSTGRES_URL = process.env.PIPEWORKS_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** True when Postgres answers; false (after printing why the tests are skipped) when it does not. */
export async function postgresForTests(url = TEST_POSTGRES_URL): Promise<boolean> {
  let problem: string | null = null;
  try {
    await withAdmin(url, (client) => client.query('select 1'));
  } catch (error) {
    problem = (error as Error).message || String(error);
  }
  if (problem === null) return true;
  if (process.env.PIPEWORKS_REQUIRE_POSTGRES === '1') {
    throw new Error(`Postgres unreachable at ${url} (${problem}), and PIPEWORKS_REQUIRE_POSTGRES=1 says the Postgres tests must run`);
  }
  console.warn(`skipped: Postgres unreachable at ${url} (${problem}); set PIPEWORKS_REQUIRE_POSTGRES=1 to fail instead`);
  return false;
}

export interface TestPgDatabase extends OpenedPgDatabase {
  name: string;
  url: string;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

export interface EmptyTestPgDatabase {
  name: string;
  url: string;
  /** Creates it, empty, from template0. */
  create(): Promise<void>;
  /** Drops it, ending any session still on it; nothing where it was never created. */
  drop(): Promise<void>;
}

/** A database name (`pw_test_…`) and its URL, not yet created. */
export function nameTestPgDatabase(adminUrl = TEST_POSTGRES_URL): EmptyTestPgDatabase {
  const name = `${TEST_DATABASE_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    create: () => withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE template0`)).then(() => undefined),
    drop: () => withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A fresh database, migrated, for one test file; drop() removes it. */
export async function createTestPgDatabase(adminUrl = TEST_POSTGRES_URL): Promise<TestPgDatabase> {
  const created = nameTestPgDatabase(adminUrl);
  await created.create();
  let opened: OpenedPgDatabase;
  try {
    opened = await openPgDatabase(created.url);
  } catch (error) {
    await created.drop();
    throw error;
  }
  return {
    ...opened,
    name: created.name,
    url: created.url,
    async drop() {
      await opened.close();
      await created.drop();
    },
  };
}
