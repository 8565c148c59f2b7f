// `pipeworks backup <file>` on Postgres: pg_dump's custom format, taken in one snapshot while the
// server keeps writing (the counterpart of SQLite's online backup API), then read back before it
// is called a backup. Restore it with `pipeworks restore` (restore-pg.ts).
import { rmSync, statSync } from 'node:fs';
import { CliError } from './cli-error';
import { archiveContents, countArchiveRows, hasTableData, requirePgTool, runPgTool, toolConnection } from './pg-tools';

export interface PgBackupReport {
  file: string;
  bytes: number;
  runs: number;
  integrity: 'ok';
  ms: number;
}

export async function backupPostgres(databaseUrl: string, target: string, shownAs: string): Promise<PgBackupReport> {
  requirePgTool('pg_dump', 'Backing up');
  requirePgTool('pg_restore', 'Checking the backup');
  const started = Date.now();
  const { dbname, env } = toolConnection(databaseUrl);
  // No owners or grants: the archive restores into any role's database, as the SQLite file copies anywhere.
  const args = ['--format=custom', '--no-owner', '--no-privileges', `--file=${target}`, `--dbname=${dbname}`];
  await runPgTool('pg_dump', args, env, 'pg_dump could not back up the database').catch((error: unknown) => {
    rmSync(target, { force: true }); // a half-written archive is no backup
    throw error;
  });
  // Check what was written before calling it a backup: it lists, holds Pipeworks' tables, and its runs read back.
  const contents = archiveContents(target);
  if (!contents) throw new CliError(`The backup at ${shownAs} cannot be read by pg_restore`, 1);
  for (const [schema, table] of [['drizzle', '__drizzle_migrations'], ['public', 'runs'], ['public', 'artifacts']]) {
    if (!hasTableData(contents, schema, table)) throw new CliError(`The backup at ${shownAs} has no ${schema}.${table} rows: is PIPEWORKS_DATABASE_URL a Pipeworks database?`, 1);
  }
  const runs = await countArchiveRows(target, 'public', 'runs');
  return { file: target, bytes: statSync(target).size, runs, integrity: 'ok', ms: Date.now() - started };
}
