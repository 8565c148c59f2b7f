// `pipeworks restore <backup.db> [--artifacts DIR] [--json]`: the inverse of `pipeworks backup`.
// The backup is checked before anything changes (it opens, passes integrity_check, is a Pipeworks
// database no newer than this code); nothing may have the installation's database open; the
// current database is moved aside, never deleted; then the restored one is migrated and checked.
// With PIPEWORKS_DATABASE_URL set, the backup is a pg_dump archive and restore-pg.ts does the same on Postgres.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, createReadStream, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DB_FILE_NAME, defaultMigrationsFolder, openDatabase } from '../db/client';
import { withDatabaseAlone } from '../db/in-use';
import { getEnv } from '../env';
import { artifactPath, hasArtifactFile, hashFile, writeArtifactStream } from '../store/artifact-files';
import { CliError } from './cli-error';
import { restorePostgres } from './restore-pg';

const USAGE = 'Usage: pipeworks restore <backup.db> [--artifacts DIR] [--json]';

function readArgs(args: string[]) {
  try {
    const parsed = parseArgs({ args, options: { artifacts: { type: 'string' }, json: { type: 'boolean' } }, allowPositionals: true });
    if (parsed.positionals.length !== 1) throw new Error('restore takes one argument: the backup file');
    return parsed;
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${USAGE}`, 2);
  }
}

/** Opens the backup read-only and refuses it unless it is whole and this code can run it. */
function checkBackup(file: string): { runs: number; artifactIds: string[] } {
  let backup: Database.Database;
  try {
    backup = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new CliError(`Cannot open ${file} as a database: ${(error as Error).message}`, 1);
  }
  try {
    const integrity = String(backup.pragma('integrity_check', { simple: true }));
    if (integrity !== 'ok') throw new CliError(`${file} failed its integrity check (${integrity}); nothing was changed`, 1);
    const tables = new Set((backup.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name));
    for (const table of ['__drizzle_migrations', 'runs', 'artifacts']) {
      if (!tables.has(table)) throw new CliError(`${file} is not a Pipeworks backup (it has no "${table}" table); nothing was changed`, 1);
    }
    const applied = (backup.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
    const known = (JSON.parse(readFileSync(path.join(defaultMigrationsFolder(), 'meta/_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;
    if (applied > known) throw new CliError(`${file} was made by a newer Pipeworks (${applied} migrations, this one knows ${known}); restore it with that version`, 1);
    const runs = (backup.prepare('select count(*) as n from runs').get() as { n: number }).n;
    const artifactIds = (backup.prepare('select id from artifacts').all() as { id: string }[]).map((a) => a.id);
    return { runs, artifactIds };
  } finally {
    backup.close();
  }
}

/** Copies each artifact the backup names from the artifact copy into the store, hash-checked. */
async function restoreArtifacts(dataDir: string, from: string | undefined, ids: string[]): Promise<{ copied: number; corrupt: string[]; missing: string[] }> {
  const result = { copied: 0, corrupt: [] as string[], missing: [] as string[] };
  for (const id of ids) {
    if (await hasArtifactFile(dataDir, id)) continue;
    // The artifact copy has the store's layout: <DIR>/ab/cd/<id>, DIR being a copy of artifacts/.
    const source = from && path.join(from, path.relative(path.join(dataDir, 'artifacts'), artifactPath(dataDir, id)));
    if (!source || !existsSync(source)) result.missing.push(id);
    else if ((await hashFile(source)) !== id) result.corrupt.push(id);
    else {
      await writeArtifactStream(dataDir, createReadStream(source));
      result.copied += 1;
    }
  }
  return result;
}

export async function cmdRestore(args: string[]): Promise<number> {
  const { values, positionals } = readArgs(args);
  const backupFile = path.resolve(positionals[0]);
  if (!existsSync(backupFile)) throw new CliError(`${positionals[0]} does not exist`, 2);
  if (values.artifacts !== undefined && !existsSync(values.artifacts)) throw new CliError(`The artifact copy ${values.artifacts} does not exist`, 2);
  const dataDir = getEnv().PIPEWORKS_DATA_DIR;
  const databaseUrl = getEnv().PIPEWORKS_DATABASE_URL;
  if (databaseUrl !== undefined) return restoreOnPostgres(databaseUrl, backupFile, dataDir, values);
  const live = path.join(dataDir, DB_FILE_NAME);
  const started = Date.now();
  const { runs, artifactIds } = checkBackup(backupFile);

  // A private copy first, checked again and synced, so the swap below is a rename.
  mkdirSync(dataDir, { recursive: true });
  const incoming = path.join(dataDir, `${DB_FILE_NAME}.restoring-${randomBytes(6).toString('hex')}`);
  copyFileSync(backupFile, incoming);
  const fd = openSync(incoming, 'r+');
  fsyncSync(fd);
  closeSync(fd);

  let asideDir: string | null = null;
  const swap = () => {
    asideDir = path.join(dataDir, `pre-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    mkdirSync(asideDir);
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(live + suffix)) renameSync(live + suffix, path.join(asideDir, DB_FILE_NAME + suffix));
    renameSync(incoming, live);
  };
  if (!existsSync(live)) renameSync(incoming, live);
  else {
    const outcome = withDatabaseAlone(live, swap);
    if (outcome === 'in use') {
      rmSync(incoming, { force: true });
      throw new CliError(`${live} is open in another process: stop the studio, its workers and any CLI command using ${dataDir}, then restore again. Nothing was changed.`, 1);
    }
    // Damaged past opening: no server can be working from it, and it is moved aside, not deleted.
    if (outcome === 'not a database') swap();
  }

  const artifacts = await restoreArtifacts(dataDir, values.artifacts, artifactIds);
  // The server's own open: pragmas and any migrations newer than the backup.
  const opened = openDatabase(dataDir);
  const integrity = String(opened.sqlite.pragma('integrity_check', { simple: true }));
  opened.sqlite.close();
  if (integrity !== 'ok') throw new CliError(`The restored database failed its integrity check (${integrity}); the previous one is in ${asideDir}`, 1);

  const report = { file: backupFile, dataDir, runs, bytes: statSync(live).size, previous: asideDir, artifacts: { named: artifactIds.length, copied: artifacts.copied, missing: artifacts.missing.length, corrupt: artifacts.corrupt.length }, integrity, ms: Date.now() - started };
  if (values.json) console.log(JSON.stringify(report));
  else {
    console.log(`Restored ${backupFile} into ${live} (${runs} runs, integrity ok) in ${report.ms} ms.`);
    if (asideDir) console.log(`The database it replaced is in ${asideDir}.`);
    console.log(`Artifacts: ${artifactIds.length} named, ${artifacts.copied} copied in, ${artifacts.missing.length} missing, ${artifacts.corrupt.length} corrupt in the copy.`);
  }
  warnMissing(artifacts, values.artifacts);
  return 0;
}

function warnMissing(artifacts: { missing: string[]; corrupt: string[] }, from: string | undefined): void {
  if (artifacts.missing.length + artifacts.corrupt.length > 0) {
    console.error(`warning: ${artifacts.missing.length + artifacts.corrupt.length} artifacts the backup names are not in the store; runs that need them fail with "artifact missing" until re-run${from ? '' : ' (pass --artifacts DIR, your copy of artifacts/)'}`);
  }
}

async function restoreOnPostgres(databaseUrl: string, backupFile: string, dataDir: string, values: { artifacts?: string; json?: boolean }): Promise<number> {
  const started = Date.now();
  const restored = await restorePostgres(databaseUrl, backupFile);
  const artifacts = await restoreArtifacts(dataDir, values.artifacts, restored.artifactIds);
  const named = restored.artifactIds.length;
  const report = { file: backupFile, database: restored.database, runs: restored.runs, previous: restored.previous, artifacts: { named, copied: artifacts.copied, missing: artifacts.missing.length, corrupt: artifacts.corrupt.length }, integrity: 'ok', ms: Date.now() - started };
  if (values.json) console.log(JSON.stringify(report));
  else {
    console.log(`Restored ${backupFile} into the Postgres database ${restored.database} (${restored.runs} runs, migrated and read back) in ${report.ms} ms.`);
    if (restored.previous) console.log(`The database it replaced is kept as ${restored.previous}; drop it once you are sure.`);
    console.log(`Artifacts: ${named} named, ${artifacts.copied} copied in, ${artifacts.missing.length} missing, ${artifacts.corrupt.length} corrupt in the copy.`);
  }
  warnMissing(artifacts, values.artifacts);
  return 0;
}
