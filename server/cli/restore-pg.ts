// `pipeworks restore <backup>` on Postgres, the inverse of backup-pg.ts. As on SQLite: the archive
// is checked before anything changes, nothing may be connected to the database, the current one is
// kept aside (renamed <db>_pre_restore_<time>), never dropped, and the restored one is migrated.
// The archive goes into a fresh database first (<db>_restoring_<hex>), so a failed pg_restore
// leaves the live one untouched; the swap is two ALTER DATABASE … RENAME run from the server's
// `postgres` database. The role needs CREATEDB and must own the database (or be a superuser).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { defaultPgMigrationsFolder, openPgDatabase } from '../db/pg-client';
import { CliError } from './cli-error';
import { archiveContents, countArchiveRows, hasTableData, requirePgTool, runPgTool, toolConnection } from './pg-tools';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** Postgres truncates identifiers at 63 bytes: keep the suffix whole. */
const named = (base: string, suffix: string) => `${base.slice(0, 63 - suffix.length)}${suffix}`;

/** Refuses an archive that is not a whole Pipeworks backup this code can run; returns its runs. */
async function checkArchive(file: string): Promise<number> {
  const contents = archiveContents(file);
  if (!contents) throw new CliError(`${file} is not a pg_dump archive (PIPEWORKS_DATABASE_URL is set, so restore takes a \`pipeworks backup\` of Postgres); nothing was changed`, 1);
  for (const [schema, table] of [['drizzle', '__drizzle_migrations'], ['public', 'runs'], ['public', 'artifacts']]) {
    if (!hasTableData(contents, schema, table)) throw new CliError(`${file} is not a Pipeworks backup (it has no "${schema}.${table}" rows); nothing was changed`, 1);
  }
  const applied = await countArchiveRows(file, 'drizzle', '__drizzle_migrations');
  const known = (JSON.parse(readFileSync(path.join(defaultPgMigrationsFolder(), 'meta/_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;
  if (applied > known) throw new CliError(`${file} was made by a newer Pipeworks (${applied} migrations, this one knows ${known}); restore it with that version`, 1);
  return countArchiveRows(file, 'public', 'runs');
}

async function withMaintenance<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function refuseIfInUse(c: pg.Client, database: string): Promise<void> {
  const users = await c.query<{ n: string }>('select count(*) as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database]);
  if (Number(users.rows[0].n) > 0) {
    throw new CliError(`The database ${database} is open in another process: stop the studio, its workers and any CLI command using it, then restore again. Nothing was changed.`, 1);
  }
}

export interface PgRestoreResult {
  runs: number;
  database: string;
  /** Where the database it replaced now is; null when there was none. */
  previous: string | null;
  artifactIds: string[];
}

export async function restorePostgres(databaseUrl: string, file: string): Promise<PgRestoreResult> {
  requirePgTool('pg_restore', 'Restoring');
  const runs = await checkArchive(file);
  const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (database === '' || database === 'postgres') throw new CliError('PIPEWORKS_DATABASE_URL must name its own database (not "postgres") for restore to swap it', 2);
  const incoming = named(database, `_restoring_${randomBytes(4).toString('hex')}`);
  await withMaintenance(databaseUrl, async (c) => {
    await refuseIfInUse(c, database); // before the slow part; checked again at the swap
    await c.query(`CREATE DATABASE ${quote(incoming)} TEMPLATE template0`);
  });
  const incomingUrl = new URL(databaseUrl);
  incomingUrl.pathname = `/${encodeURIComponent(incoming)}`;
  const { dbname, env } = toolConnection(incomingUrl.toString());
  let previous: string | null = null;
  try {
    await runPgTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${dbname}`, file], env, `pg_restore could not restore ${file}; nothing was changed`);
    previous = await withMaintenance(databaseUrl, async (c) => {
      await refuseIfInUse(c, database);
      const exists = (await c.query('select 1 from pg_database where datname = $1', [database])).rowCount === 1;
      const aside = exists ? named(database, `_pre_restore_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`) : null;
      // A session that connects between the check and the rename makes the rename fail: still nothing changed.
      if (aside) await c.query(`ALTER DATABASE ${quote(database)} RENAME TO ${quote(aside)}`);
      try {
        await c.query(`ALTER DATABASE ${quote(incoming)} RENAME TO ${quote(database)}`);
      } catch (error) {
        if (aside) await c.query(`ALTER DATABASE ${quote(aside)} RENAME TO ${quote(database)}`);
        throw error;
      }
      return aside;
    });
  } catch (error) {
    await withMaintenance(databaseUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quote(incoming)} WITH (FORCE)`)).catch(() => undefined);
    if (error instanceof CliError) throw error;
    throw new CliError(`Restoring ${file} failed: ${(error as Error).message}; nothing was changed`, 1);
  }
  // The server's own open: any migrations newer than the backup.
  const opened = await openPgDatabase(databaseUrl);
  try {
    const artifactIds = (await opened.db.select({ id: opened.db.t.artifacts.id }).from(opened.db.t.artifacts)).map((a) => a.id);
    return { runs, database, previous, artifactIds };
  } finally {
    await opened.close();
  }
}
