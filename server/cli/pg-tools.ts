// The PostgreSQL client tools that `pipeworks backup` and `restore` use on Postgres: pg_dump writes
// a custom-format archive (consistent: one snapshot, while the server keeps writing), pg_restore
// reads it back. They are not bundled: missing, the command refuses before anything changes.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { CliError } from './cli-error';

export type PgTool = 'pg_dump' | 'pg_restore';

/** Throws a CliError naming what to install when `tool` cannot be run; returns its version line. */
export function requirePgTool(tool: PgTool, doing: string): string {
  const res = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (res.error || res.status !== 0) {
    const why = (res.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' ? 'is not installed or not on PATH' : `does not run (${(res.error?.message ?? res.stderr).trim()})`;
    throw new CliError(
      `${doing} on Postgres needs ${tool}, which ${why}. Install the PostgreSQL client tools, the server's major version or newer ` +
        '(Debian/Ubuntu: apt install postgresql-client), or back up with your own pg_dump -Fc. Nothing was changed.',
      1,
    );
  }
  return res.stdout.trim();
}

/** The URL without its password, which goes to the tools in PGPASSWORD rather than on a command line others can list. */
export function toolConnection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  url.password = '';
  return { dbname: url.toString(), env };
}

/** Runs a tool to completion; a non-zero exit is a CliError carrying its stderr. */
export function runPgTool(tool: PgTool, args: string[], env: NodeJS.ProcessEnv, failure: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => reject(new CliError(`${failure}: ${error.message}`, 1)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new CliError(`${failure}: ${tool} exited ${code}: ${stderr.trim()}`, 1))));
  });
}

/** The archive's table of contents (pg_restore --list), or null when the file is not a pg_dump archive. */
export function archiveContents(file: string): string[] | null {
  const res = spawnSync('pg_restore', ['--list', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (res.status !== 0) return null;
  return res.stdout.split('\n').filter((line) => line !== '' && !line.startsWith(';'));
}

/** Whether the archive holds the rows of `schema.table` (a "TABLE DATA" entry). */
export function hasTableData(contents: readonly string[], schema: string, table: string): boolean {
  return contents.some((line) => line.includes(` TABLE DATA ${schema} ${table} `));
}

/** Counts the rows of one table in the archive by reading its COPY data back out: the data is readable, not only listed. */
export function countArchiveRows(file: string, schema: string, table: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('pg_restore', ['--data-only', `--schema=${schema}`, `--table=${table}`, '--file=-', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let inCopy = false;
    let rows = 0;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!inCopy) inCopy = line.startsWith('COPY ');
      else if (line === '\\.') inCopy = false;
      else rows++;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(rows) : reject(new CliError(`Could not read ${schema}.${table} from ${file}: ${stderr.trim()}`, 1))));
  });
}
