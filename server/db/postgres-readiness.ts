// Postgres is switched on store by store (docs/architecture.md, "Data access"). Until the last one
// is converted, PIPEWORKS_DATABASE_URL is refused at start with this list, rather than half the
// data going to Postgres and half silently staying in the SQLite file.

/** What still keeps its data only in SQLite. Remove an entry in the commit that converts it. */
export const NOT_YET_ON_POSTGRES = [
] as const;

export class PostgresNotReady extends Error {
  constructor(readonly missing: readonly string[]) {
    super(
      'PIPEWORKS_DATABASE_URL is set, but Pipeworks cannot run on Postgres yet: these parts still keep their data ' +
        `only in SQLite:\n  - ${missing.join('\n  - ')}\n` +
        'Unset PIPEWORKS_DATABASE_URL to use the SQLite file in PIPEWORKS_DATA_DIR (the default). ' +
        'docs/architecture.md ("Data access") tracks the conversion.',
    );
    this.name = 'PostgresNotReady';
  }
}

/**
 * Tests only: the integration suite runs on Postgres before the list above is empty, to find what
 * still fails there (tests/integration/helpers/database-per-file.ts). Honoured only together with
 * a throwaway test database, one whose name starts with `pw_test_` (the only names the test
 * harness creates), so a real installation that sets the variable is refused all the same.
 */
export const TEST_SKIP_READINESS_VARIABLE = 'PIPEWORKS_TEST_SKIP_POSTGRES_READINESS';
export const TEST_DATABASE_PREFIX = 'pw_test_';

function isTestDatabase(databaseUrl: string): boolean {
  try {
    return decodeURIComponent(new URL(databaseUrl).pathname.slice(1)).startsWith(TEST_DATABASE_PREFIX);
  } catch {
    return false;
  }
}

/** Throws PostgresNotReady when a database URL is set while any store is SQLite-only. */
export function assertDatabaseSupported(databaseUrl: string | undefined, missing: readonly string[] = NOT_YET_ON_POSTGRES): void {
  if (databaseUrl === undefined || missing.length === 0) return;
  if (process.env[TEST_SKIP_READINESS_VARIABLE] === '1' && isTestDatabase(databaseUrl)) return;
  throw new PostgresNotReady(missing);
}
