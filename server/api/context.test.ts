import { describe, expect, it } from 'vitest';
import type { AnyDb } from '../db/any-db';
import { SqliteOnlyPath, type OpenedDatabase } from '../db/client';
import { contextHandles } from './context';

function opened(dialect: AnyDb['dialect']): OpenedDatabase {
  return {
    anyDb: { dialect } as AnyDb,
    get db(): OpenedDatabase['db'] {
      throw new SqliteOnlyPath('The synchronous SQLite handle (getDb().db)');
    },
    get sqlite(): OpenedDatabase['sqlite'] {
      throw new SqliteOnlyPath('The raw SQLite connection (getDb().sqlite)');
    },
  };
}

describe('contextHandles', () => {
  it('on Postgres, builds a context without touching the SQLite handles, which refuse by name when used', async () => {
    const handles = contextHandles(opened('pg'));
    const ctx = { ...handles, user: null };
    expect(ctx.anyDb.dialect).toBe('pg');
    expect(await Promise.resolve(ctx.db)).toBe(ctx.db);
    expect(() => ctx.db.select()).toThrow(SqliteOnlyPath);
    expect(() => ctx.sqlite.prepare('select 1')).toThrow(/raw SQLite connection \(ctx\.sqlite\) is only available on SQLite/);
  });

  it('on SQLite, hands out the real handles', () => {
    const db = {} as OpenedDatabase['db'];
    const sqlite = {} as OpenedDatabase['sqlite'];
    const anyDb = { dialect: 'sqlite' } as AnyDb;
    expect(contextHandles({ db, sqlite, anyDb })).toEqual({ db, sqlite, anyDb });
    expect(contextHandles({ db, sqlite, anyDb }).db).toBe(db);
  });
});
