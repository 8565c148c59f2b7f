// Catches a schema edit without a regenerated migration (`npm run db:generate`).
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterAll, describe, expect, it } from 'vitest';
import * as schema from './schema';
import { openTestDb } from './test-db';

const t = openTestDb();
afterAll(() => t.cleanup());

const tables = (Object.values(schema) as unknown[])
  .filter((value): value is SQLiteTable => value instanceof SQLiteTable)
  .map((table) => getTableConfig(table));

describe('migrations match schema.ts', () => {
  it('covers every table', () => {
    const migrated = t.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'")
      .pluck()
      .all();
    expect(migrated.sort()).toEqual(tables.map((table) => table.name).sort());
  });

  it.each(tables.map((table) => [table.name, table] as const))('%s has the declared columns and indexes', (name, table) => {
    const columns = t.sqlite.prepare(`PRAGMA table_info(${JSON.stringify(name)})`).all() as { name: string; notnull: number }[];
    expect(columns.map((c) => [c.name, c.notnull === 1]).sort()).toEqual(
      table.columns.map((c) => [c.name, c.notNull]).sort(),
    );
    const indexes = t.sqlite.prepare(`PRAGMA index_list(${JSON.stringify(name)})`).all() as { name: string; origin: string }[];
    expect(indexes.filter((i) => i.origin === 'c').map((i) => i.name).sort()).toEqual(
      table.indexes.map((i) => i.config.name).sort(),
    );
    const foreignKeys = t.sqlite.prepare(`PRAGMA foreign_key_list(${JSON.stringify(name)})`).all();
    expect(foreignKeys).toHaveLength(table.foreignKeys.length);
  });
});
