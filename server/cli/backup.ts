// `pipeworks backup <file>`: a consistent copy of the database while the server keeps running,
// through SQLite's online backup API (better-sqlite3's .backup()). A plain file copy can miss
// pages still in the write-ahead log, or catch a write half done; the backup API cannot.
// With PIPEWORKS_DATABASE_URL set, pg_dump does the same for Postgres (backup-pg.ts).
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DB_FILE_NAME } from '../db/client';
import { getEnv } from '../env';
import { backupPostgres } from './backup-pg';
import { CliError } from './cli-error';

export async function cmdBackup(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true });
  if (positionals.length !== 1) throw new CliError('backup takes one argument: the file to write, e.g. pipeworks backup backups/pipeworks-2026-12-06.db', 2);
  const target = path.resolve(positionals[0]);
  if (existsSync(target)) throw new CliError(`${positionals[0]} already exists; a backup never overwrites a file`, 2);
  if (!existsSync(path.dirname(target))) throw new CliError(`The folder ${path.dirname(positionals[0])} does not exist`, 2);
  const databaseUrl = getEnv().PIPEWORKS_DATABASE_URL;
  if (databaseUrl !== undefined) {
    const report = await backupPostgres(databaseUrl, target, positionals[0]);
    if (values.json) console.log(JSON.stringify(report));
    else console.log(`Backed up the Postgres database to ${target} (pg_dump custom format, ${report.bytes} bytes, ${report.runs} runs, read back ok) in ${report.ms} ms`);
    return 0;
  }
  const source = path.join(getEnv().PIPEWORKS_DATA_DIR, DB_FILE_NAME);
  if (!existsSync(source)) throw new CliError(`No database at ${source}; is PIPEWORKS_DATA_DIR right?`, 2);

  const started = Date.now();
  const live = new Database(source, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 5000');
    // All remaining pages in one step, inside one read transaction. In steps of 100 pages (the
    // default) a write by the server between steps restarts the copy, so under steady writes it
    // never finished. In WAL mode the long read does not block the server's writers.
    await live.backup(target, { progress: () => 0x7fffffff });
  } finally {
    live.close();
  }
  // Check what was written before calling it a backup.
  const copy = new Database(target, { readonly: true });
  let integrity: string;
  let runs: number;
  try {
    integrity = String(copy.pragma('integrity_check', { simple: true }));
    runs = (copy.prepare('select count(*) as n from runs').get() as { n: number }).n;
  } finally {
    copy.close();
  }
  if (integrity !== 'ok') throw new CliError(`The backup at ${positionals[0]} failed its integrity check: ${integrity}`, 1);
  const report = { file: target, bytes: statSync(target).size, runs, integrity, ms: Date.now() - started };
  if (values.json) console.log(JSON.stringify(report));
  else console.log(`Backed up ${source} to ${target} (${report.bytes} bytes, ${runs} runs, integrity ok) in ${report.ms} ms`);
  return 0;
}
