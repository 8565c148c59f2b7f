import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME, closeDb, getDb, openDatabase } from './client';
import { users } from './schema';
import { MIGRATIONS_FOLDER, makeTempDir } from './test-db';

const dirs: string[] = [];
afterEach(() => {
  closeDb();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = makeTempDir();
  dirs.push(dir);
  return dir;
}

describe('openDatabase', () => {
  it('creates the data dir and file, and migrating twice is harmless', () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    const first = openDatabase(dir, MIGRATIONS_FOLDER);
    first.db.insert(users).values({
      id: 'u1', email: 'a@example.com', name: 'A', role: 'admin', passwordHash: 'x', createdAt: 1,
    }).run();
    first.sqlite.close();

    const second = openDatabase(dir, MIGRATIONS_FOLDER);
    expect(existsSync(path.join(dir, DB_FILE_NAME))).toBe(true);
    expect(second.db.select().from(users).all()).toHaveLength(1);
    const applied = second.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    expect(applied.n).toBe(journal.entries.length);
    expect(second.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    second.sqlite.close();
  });

  it('applies the pragmas', () => {
    const { sqlite } = openDatabase(tempDir(), MIGRATIONS_FOLDER);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    sqlite.close();
  });

  it('enforces foreign keys and cascades session deletes', () => {
    const { sqlite } = openDatabase(tempDir(), MIGRATIONS_FOLDER);
    const insertSession = sqlite.prepare(
      'INSERT INTO sessions (id, user_id, created_at, expires_at, last_seen_at) VALUES (?, ?, 1, 2, 1)',
    );
    expect(() => insertSession.run('s1', 'nobody')).toThrow(/FOREIGN KEY/);

    sqlite.prepare("INSERT INTO users VALUES ('u1', 'a@x.io', 'A', 'admin', 'h', 1, NULL)").run();
    insertSession.run('s1', 'u1');
    sqlite.prepare("DELETE FROM users WHERE id = 'u1'").run();
    expect(sqlite.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });
    sqlite.close();
  });

  it('fails clearly when the migrations folder is wrong, without leaving the file locked', () => {
    const dir = tempDir();
    expect(() => openDatabase(dir, path.join(dir, 'no-such-folder'))).toThrow();
    const reopened = openDatabase(dir, MIGRATIONS_FOLDER);
    reopened.sqlite.close();
  });
});

describe('getDb', () => {
  it('returns one handle per data dir until closed', () => {
    const dirA = tempDir();
    const dirB = tempDir();
    const a = getDb(dirA);
    expect(getDb(dirA + path.sep)).toBe(a);
    expect(getDb(dirB)).not.toBe(a);
    closeDb(dirA);
    expect(a.sqlite.open).toBe(false);
    expect(a.db.$client).toBe(a.sqlite);
    expect(getDb(dirA)).not.toBe(a);
  });
});
