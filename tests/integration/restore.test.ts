// `pipeworks restore`, the inverse of `pipeworks backup`: backup → damage → restore → the data is
// back. A damaged backup and a database some process still has open are refused with nothing changed.
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client';
import { artifactPath, verifyAllArtifacts, writeArtifactBytes } from '../../server/store/artifact-files';
import { recordArtifact } from '../../server/store/artifacts';
import { newDataDir } from './helpers/server-process';
import { sqliteOnly } from './helpers/sqlite-only';

const onlySqlite = sqliteOnly('restore.test.ts restores and damages the SQLite file itself; backup-restore-pg.test.ts covers Postgres restore');

const dataDir = newDataDir();
const backups = newDataDir();
const holders: ReturnType<typeof spawn>[] = [];
afterAll(() => holders.forEach((h) => h.kill('SIGKILL')));

function cli(args: string[]) {
  const res = spawnSync(process.execPath, ['bin/pipeworks.mjs', ...args], { cwd: process.cwd(), env: { ...process.env, PIPEWORKS_DATA_DIR: dataDir }, encoding: 'utf8', timeout: 120_000 });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

const liveDb = () => path.join(dataDir, 'pipeworks.db');
const marks = () => {
  const db = new Database(liveDb(), { readonly: true });
  try {
    return (db.prepare("select target_id from audit_events where action = 'restore.test' order by target_id").all() as { target_id: string }[]).map((r) => r.target_id);
  } finally {
    db.close();
  }
};

let artifactId = '';

beforeAll(async () => {
  const { sqlite, anyDb } = openDatabase(dataDir);
  const insert = sqlite.prepare("insert into audit_events (at, action, target_type, target_id, detail) values (?, 'restore.test', 'mark', ?, '{}')");
  for (let i = 0; i < 50; i++) insert.run(Date.now(), String(i).padStart(2, '0'));
  const written = await writeArtifactBytes(dataDir, new TextEncoder().encode('{"kept":true}'));
  artifactId = written.id;
  await recordArtifact(anyDb, { id: written.id, kind: 'metrics', mediaType: 'application/json', size: written.size });
  sqlite.close();
});

// Skipped in the Postgres pass (onlySqlite, above): it restores the SQLite file; backup-restore-pg.test.ts is the Postgres counterpart.
it.skipIf(onlySqlite)('puts a backup back after the database is damaged and an artifact lost, and keeps the damaged one aside', () => {
  const backup = path.join(backups, 'pipeworks.db');
  expect(cli(['backup', backup]).code).toBe(0);
  cpSync(path.join(dataDir, 'artifacts'), path.join(backups, 'artifacts'), { recursive: true });
  const before = marks();
  expect(before).toHaveLength(50);

  // Damage: the database overwritten in the middle, an artifact file gone.
  const bytes = readFileSync(liveDb());
  bytes.fill(0x5a, 0, Math.min(bytes.length, 8192));
  writeFileSync(liveDb(), bytes);
  rmSync(artifactPath(dataDir, artifactId));

  const res = cli(['restore', backup, '--artifacts', path.join(backups, 'artifacts'), '--json']);
  expect(res.stderr).toBe('');
  expect(res.code).toBe(0);
  const report = JSON.parse(res.stdout);
  expect(report).toMatchObject({ integrity: 'ok', artifacts: { named: 1, copied: 1, missing: 0, corrupt: 0 } });
  expect(marks()).toEqual(before);
  expect(existsSync(artifactPath(dataDir, artifactId))).toBe(true);
  expect(existsSync(path.join(report.previous, 'pipeworks.db'))).toBe(true);
  return verifyAllArtifacts(dataDir).then((bad) => expect(bad).toEqual([]));
}, 180_000);

// Skipped in the Postgres pass (onlySqlite, above): it restores the SQLite file; backup-restore-pg.test.ts is the Postgres counterpart.
it.skipIf(onlySqlite)('refuses while another process has the database open, and changes nothing', async () => {
  const holder = spawn(process.execPath, ['-e', "const D=require('better-sqlite3');const d=new D(process.argv[1]);d.pragma('journal_mode = WAL');d.prepare('select 1').get();console.log('open');setInterval(()=>{},1000)", liveDb()], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  holders.push(holder);
  await new Promise((resolve) => holder.stdout!.once('data', resolve));
  const asideBefore = readdirSync(dataDir).filter((n) => n.startsWith('pre-restore-')).length;
  const res = cli(['restore', path.join(backups, 'pipeworks.db')]);
  holder.kill('SIGKILL');
  expect(res.code).toBe(1);
  expect(res.stderr).toMatch(/is open in another process: stop the studio.*Nothing was changed/s);
  expect(readdirSync(dataDir).filter((n) => n.startsWith('pre-restore-'))).toHaveLength(asideBefore);
  expect(readdirSync(dataDir).filter((n) => n.includes('.restoring-'))).toEqual([]);
}, 180_000);

// Skipped in the Postgres pass (onlySqlite, above): it restores the SQLite file; backup-restore-pg.test.ts is the Postgres counterpart.
it.skipIf(onlySqlite)('refuses a damaged backup or a file that is not a Pipeworks backup before touching anything', () => {
  const damaged = path.join(backups, 'damaged.db');
  const bytes = readFileSync(path.join(backups, 'pipeworks.db'));
  bytes.fill(0x5a, 4096, 8192);
  writeFileSync(damaged, bytes);
  const bad = cli(['restore', damaged]);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toMatch(/integrity check|Cannot open|not a Pipeworks backup/);
  const other = path.join(backups, 'other.db');
  new Database(other).exec('create table notes (x)');
  const notOurs = cli(['restore', other]);
  expect(notOurs.code).toBe(1);
  expect(notOurs.stderr).toMatch(/is not a Pipeworks backup \(it has no "__drizzle_migrations" table\); nothing was changed/);
  expect(marks()).toHaveLength(50);
  expect(cli(['restore']).code).toBe(2);
}, 180_000);

// Skipped in the Postgres pass (onlySqlite, above): it restores the SQLite file; backup-restore-pg.test.ts is the Postgres counterpart.
it.skipIf(onlySqlite)('puts rows back into a healthy database that lost them, once nothing has it open', () => {
  const db = new Database(liveDb());
  db.prepare("delete from audit_events where action = 'restore.test' and target_id < '25'").run();
  db.close();
  expect(marks()).toHaveLength(25);
  const res = cli(['restore', path.join(backups, 'pipeworks.db'), '--json']);
  expect(res.code, res.stderr).toBe(0);
  expect(marks()).toHaveLength(50);
  const previous = new Database(path.join(JSON.parse(res.stdout).previous, 'pipeworks.db'), { readonly: true });
  expect((previous.prepare("select count(*) as n from audit_events where action = 'restore.test'").get() as { n: number }).n).toBe(25);
  previous.close();
}, 180_000);
