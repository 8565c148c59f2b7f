import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DbChangeWatch } from './db-change-watch';

function database(wal: boolean) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pw-watch-')), 'x.db');
  const reader = new Database(file);
  if (wal) reader.pragma('journal_mode = WAL');
  reader.exec('CREATE TABLE t (v INTEGER)');
  return { file, reader, writer: new Database(file) };
}

describe('DbChangeWatch', () => {
  it('sees every commit of another connection, and nothing when nothing was committed', () => {
    const { file, reader, writer } = database(true);
    const watch = new DbChangeWatch(file);
    expect(watch.changed()).toBe(true); // the first look has nothing to compare with
    expect(watch.changed()).toBe(false);
    reader.prepare('SELECT count(*) FROM t').get();
    expect(watch.changed()).toBe(false);
    for (let i = 0; i < 5; i++) {
      writer.prepare('INSERT INTO t VALUES (?)').run(i);
      expect(watch.changed()).toBe(true);
      expect(watch.changed()).toBe(false);
    }
    writer.pragma('wal_checkpoint(TRUNCATE)');
    writer.prepare('INSERT INTO t VALUES (9)').run();
    expect(watch.changed()).toBe(true);
    watch.close();
    reader.close();
    writer.close();
  });

  it('answers "changed" every time when the database is not in WAL mode', () => {
    const { file, reader, writer } = database(false);
    const watch = new DbChangeWatch(file);
    expect([watch.changed(), watch.changed()]).toEqual([true, true]);
    watch.close();
    reader.close();
    writer.close();
  });
});
