// `pipeworks backup` while another process keeps writing: the copy is consistent (integrity ok,
// every row of a transaction or none), and restoring it gives a database the server opens.
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client';
import { newDataDir } from './helpers/server-process';
import { sqliteOnly } from './helpers/sqlite-only';

const onlySqlite = sqliteOnly('backup.test.ts copies the SQLite file with its online backup API while a process writes it; backup-restore-pg.test.ts covers pg_dump');

const dataDir = newDataDir();
const writers: ReturnType<typeof spawn>[] = [];
afterAll(() => writers.forEach((w) => w.kill('SIGKILL')));

function cli(args: string[]) {
  const res = spawnSync(process.execPath, ['bin/pipeworks.mjs', ...args], { cwd: process.cwd(), env: { ...process.env, PIPEWORKS_DATA_DIR: dataDir }, encoding: 'utf8', timeout: 120_000 });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

// Each transaction writes a pair of rows with one batch number; a torn copy would hold half a pair.
const WRITER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 5000');
const insert = db.prepare("insert into audit_events (at, action, target_type, target_id, detail) values (?, 'backup.test', 'batch', ?, '{}')");
const pair = db.transaction((n) => { insert.run(Date.now(), String(n)); insert.run(Date.now(), String(n)); });
let n = 0;
const tick = () => { for (let i = 0; i < 50; i++) pair(n++); setImmediate(tick); };
tick();
`;

// Skipped in the Postgres pass (onlySqlite, above): the SQLite online backup API; backup-restore-pg.test.ts covers pg_dump.
it.skipIf(onlySqlite)('backs up a database that is being written, and the restored copy opens and is whole', async () => {
  openDatabase(dataDir).sqlite.close(); // migrate, as `pipeworks setup` would
  const writer = spawn(process.execPath, ['-e', WRITER, path.join(dataDir, 'pipeworks.db')], { cwd: process.cwd(), stdio: 'inherit' });
  writers.push(writer);
  await new Promise((r) => setTimeout(r, 1500));

  const target = path.join(dataDir, 'backup.db');
  const res = cli(['backup', target, '--json']);
  const writing = writer.exitCode === null;
  writer.kill('SIGKILL');
  expect(res.stderr).toBe('');
  expect(res.code).toBe(0);
  expect(writing).toBe(true);
  expect(JSON.parse(res.stdout)).toMatchObject({ file: target, integrity: 'ok' });

  const copy = new Database(target, { readonly: true });
  expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
  const pairs = copy.prepare("select target_id, count(*) as n from audit_events where action = 'backup.test' group by target_id").all() as { n: number }[];
  copy.close();
  expect(pairs.length).toBeGreaterThan(100);
  expect(pairs.filter((p) => p.n !== 2)).toEqual([]);

  // Restore: the backup becomes the database of a fresh data directory; the server's own open
  // (pragmas, migrations) accepts it and sees the same rows.
  const restored = newDataDir();
  copyFileSync(target, path.join(restored, 'pipeworks.db'));
  const opened = openDatabase(restored);
  const count = (opened.sqlite.prepare("select count(*) as n from audit_events where action = 'backup.test'").get() as { n: number }).n;
  expect(count).toBe(pairs.length * 2);
  expect(opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  opened.sqlite.close();
}, 180_000);

// The arguments are checked before either database is touched, so this runs in both passes.
it('refuses to overwrite a file, and says what is wrong with its arguments', () => {
  const target = path.join(dataDir, 'existing.db');
  writeFileSync(target, 'not to be overwritten');
  const again = cli(['backup', target]);
  expect(again.code).toBe(2);
  expect(again.stderr).toMatch(/already exists/);
  expect(readFileSync(target, 'utf8')).toBe('not to be overwritten');
  const none = cli(['backup']);
  expect(none.code).toBe(2);
  expect(none.stderr).toMatch(/one argument/);
  const noDir = cli(['backup', path.join(dataDir, 'missing', 'x.db')]);
  expect(noDir.code).toBe(2);
  expect(noDir.stderr).toMatch(/does not exist/);
}, 180_000);
