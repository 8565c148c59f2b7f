// `pipeworks backup` and `restore` on Postgres (pg_dump / pg_restore): backup → change → restore
// gives the backed-up rows back, the replaced database kept aside; a database in use, a file that
// is not a pg_dump archive, and missing client tools are refused with nothing changed.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Plan } from '../../engine/plan';
import { cmdBackup } from '../../server/cli/backup';
import { cmdRestore } from '../../server/cli/restore';
import type { AnyDb } from '../../server/db/any-db';
import { openPgDatabase } from '../../server/db/pg-client';
import { makeTempDir } from '../../server/db/test-db';
import { resetEnvForTests } from '../../server/env';
import { createTestPgDatabase, postgresForTests, TEST_POSTGRES_URL, type TestPgDatabase } from './helpers/postgres-available';

const postgres = await postgresForTests();
const plan = { pipelineId: 'pl', docHash: 'h', steps: [], warnings: [] } as unknown as Plan;

async function addRun(db: AnyDb, id: string) {
  await db.insert(db.t.runs).values({ id, pipelineId: 'pl', status: 'succeeded', plan, trigger: 'api', createdAt: Date.now() });
}

async function runIds(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ id: string }>('select id from runs order by id')).rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}

/** Runs a command, returning its exit code (CliError's) and what it printed. */
async function cli(command: (args: string[]) => Promise<number>, args: string[]): Promise<{ code: number; out: string; error: string }> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    const code = await command(args);
    return { code, out: log.mock.calls.map((c) => String(c[0])).join('\n'), error: '' };
  } catch (error) {
    return { code: (error as { exitCode?: number }).exitCode ?? -1, out: '', error: (error as Error).message };
  } finally {
    log.mockRestore();
  }
}

// Skipped only where Postgres is unreachable: postgresForTests() prints why; PIPEWORKS_REQUIRE_POSTGRES=1 (set by .ci/run) fails instead.
describe.skipIf(!postgres)('backup and restore on Postgres', () => {
  let base: TestPgDatabase;
  const dir = makeTempDir('pipeworks-pg-backup-');
  const backup = path.join(dir, 'pipeworks.dump');
  const extra: string[] = [];
  let closed = false;

  beforeAll(async () => {
    base = await createTestPgDatabase();
    const { db } = base;
    await db.insert(db.t.projects).values({ id: 'p', name: 'P', createdAt: Date.now() });
    await db.insert(db.t.pipelines).values({ id: 'pl', projectId: 'p', name: 'PL', createdAt: Date.now(), updatedAt: Date.now() });
    await addRun(db, 'kept-1');
    await addRun(db, 'kept-2');
    process.env.PIPEWORKS_DATA_DIR = dir;
    process.env.PIPEWORKS_DATABASE_URL = base.url;
    resetEnvForTests();
  });

  afterAll(async () => {
    delete process.env.PIPEWORKS_DATABASE_URL;
    resetEnvForTests();
    if (!closed) await base?.close();
    if (base) extra.push(base.name);
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    for (const name of extra) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('backs up with pg_dump and reads the archive back, never overwriting a file', async () => {
    const res = await cli(cmdBackup, [backup, '--json']);
    expect(res.error).toBe('');
    expect(JSON.parse(res.out)).toMatchObject({ file: backup, runs: 2, integrity: 'ok' });
    expect((await cli(cmdBackup, [backup])).error).toMatch(/already exists; a backup never overwrites a file/);
  });

  it('refuses to restore while anything is connected, or from a file that is not a pg_dump archive', async () => {
    await addRun(base.db, 'after-backup');
    // The test's own pool is connected: exactly what restore must refuse.
    expect((await cli(cmdRestore, [backup])).error).toMatch(/is open in another process: stop the studio.*Nothing was changed/);
    const sqliteLike = path.join(dir, 'not-a-dump.db');
    writeFileSync(sqliteLike, 'SQLite format 3\0');
    expect((await cli(cmdRestore, [sqliteLike])).error).toMatch(/is not a pg_dump archive .*nothing was changed/);
    expect(await runIds(base.url)).toEqual(['after-backup', 'kept-1', 'kept-2']);
  });

  it('restores the backup in place of the database, keeping the replaced one aside, and migrates it', async () => {
    await base.close();
    closed = true;
    const res = await cli(cmdRestore, [backup, '--json']);
    expect(res.error).toBe('');
    const report = JSON.parse(res.out) as { runs: number; database: string; previous: string; integrity: string };
    extra.push(report.previous);
    expect(report).toMatchObject({ runs: 2, database: base.name, integrity: 'ok' });
    expect(await runIds(base.url)).toEqual(['kept-1', 'kept-2']);
    const aside = new URL(base.url);
    aside.pathname = `/${report.previous}`;
    expect(await runIds(aside.toString())).toEqual(['after-backup', 'kept-1', 'kept-2']);
    // The restored database opens as the server opens it.
    const reopened = await openPgDatabase(base.url);
    expect((await reopened.db.select({ id: reopened.db.t.runs.id }).from(reopened.db.t.runs)).length).toBe(2);
    await reopened.close();
  });

  it('refuses clearly, changing nothing, when the PostgreSQL client tools are missing', async () => {
    const saved = process.env.PATH;
    process.env.PATH = path.join(dir, 'no-tools-here');
    try {
      const target = path.join(dir, 'second.dump');
      expect((await cli(cmdBackup, [target])).error).toMatch(/Backing up on Postgres needs pg_dump, which is not installed or not on PATH.*postgresql-client/);
      expect(existsSync(target)).toBe(false);
      expect((await cli(cmdRestore, [backup])).error).toMatch(/Restoring on Postgres needs pg_restore, which is not installed or not on PATH/);
    } finally {
      process.env.PATH = saved;
    }
    expect(await runIds(base.url)).toEqual(['kept-1', 'kept-2']);
  });
});
