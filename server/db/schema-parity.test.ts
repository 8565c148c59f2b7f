// schema.pg.ts must mirror schema.ts: converted stores run one set of queries on either, typed by
// the Postgres tables (any-db.ts). A table, column, type, nullability, default, key or index on one
// side only fails here, as does a row type that differs.
import { is, SQL, StringChunk, type InferInsertModel, type InferSelectModel, type Table } from 'drizzle-orm';
import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as sqlite from './schema';
import * as pg from './schema.pg';

// How each SQLite column type is stored on Postgres (schema.pg.ts's header says why).
const TYPE_MAP: Record<string, string> = {
  SQLiteText: 'PgText',
  SQLiteInteger: 'PgBigInt53',
  SQLiteBoolean: 'PgBoolean',
  SQLiteReal: 'PgDoublePrecision',
  SQLiteTextJson: 'PgJsonb',
  SQLiteBlobBuffer: 'PgCustomColumn', // bytea (schema.pg.ts)
};
const SERIAL = { sqlite: 'SQLiteInteger', pg: 'PgBigSerial53' };

function sqlText(fragment: unknown): string | null {
  if (fragment === undefined) return null;
  if (!is(fragment, SQL)) return String(fragment);
  return fragment.queryChunks.map((chunk) => (is(chunk, StringChunk) ? chunk.value.join('') : sqlText(chunk))).join('');
}

type Config = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>;

/** schema.pg.ts's jsonbScalar: a custom column stored as jsonb, a JSON text column on SQLite. */
const customJsonb = (c: Config['columns'][number]) => c.columnType === 'PgCustomColumn' && c.getSQLType() === 'jsonb';

/** The dialect-free shape of a table; column types are put in SQLite's terms. */
function describeTable(config: Config, dialect: 'sqlite' | 'pg') {
  const autoIncrement = (column: Config['columns'][number]) =>
    dialect === 'sqlite'
      ? // An INTEGER PRIMARY KEY is SQLite's rowid: numbered when left out, with or without AUTOINCREMENT.
        (column as { autoIncrement?: boolean }).autoIncrement === true || (column.primary && column.columnType === SERIAL.sqlite)
      : column.columnType === SERIAL.pg;
  return {
    name: config.name,
    columns: Object.fromEntries(
      config.columns.map((c) => [
        c.name,
        {
          type:
            dialect === 'sqlite'
              ? c.columnType
              : c.columnType === SERIAL.pg
                ? SERIAL.sqlite
                : customJsonb(c)
                  ? 'SQLiteTextJson'
                  : (Object.keys(TYPE_MAP).find((k) => TYPE_MAP[k] === c.columnType) ?? `unmapped ${c.columnType}`),
          // bytea and the scalar jsonb are custom types on Postgres; their JS types are held equal by the row-type check.
          dataType: c.dataType === 'custom' && c.columnType === 'PgCustomColumn' ? (customJsonb(c) ? 'json' : 'buffer') : c.dataType,
          notNull: c.notNull,
          primary: c.primary,
          autoIncrement: autoIncrement(c),
          default: c.hasDefault && !autoIncrement(c) ? sqlText(c.default) : null,
          enumValues: c.enumValues ?? null,
        },
      ]),
    ),
    primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        return `${ref.columns.map((c) => c.name).join(',')} -> ${(ref.foreignTable as unknown as { [k: symbol]: string })[Symbol.for('drizzle:Name')]}(${ref.foreignColumns.map((c) => c.name).join(',')}) on delete ${fk.onDelete ?? 'no action'}`;
      })
      .sort(),
    indexes: config.indexes
      .map((index) => ({
        name: index.config.name,
        unique: index.config.unique,
        columns: index.config.columns.map((c) => (is(c, SQL) ? sqlText(c) : (c as { name: string }).name)),
        where: sqlText(index.config.where),
      }))
      .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')),
  };
}

const sqliteTables = Object.entries(sqlite).filter(([, v]) => is(v, SQLiteTable)) as [string, SQLiteTable][];
const pgTables = Object.entries(pg).filter(([, v]) => is(v, PgTable)) as [string, PgTable][];

describe('schema.pg.ts mirrors schema.ts', () => {
  it('exports the same tables under the same names', () => {
    expect(pgTables.map(([key]) => key).sort()).toEqual(sqliteTables.map(([key]) => key).sort());
    expect(pgTables.length).toBeGreaterThan(40);
  });

  it.each(sqliteTables.map(([key]) => key))('%s: same columns, types, nullability, defaults, keys and indexes', (key) => {
    const left = describeTable(sqliteConfig((sqlite as unknown as Record<string, SQLiteTable>)[key]), 'sqlite');
    const right = describeTable(pgConfig((pg as unknown as Record<string, PgTable>)[key]), 'pg');
    expect(right).toEqual(left);
  });

  it('gives every table the same row types to read and to insert', () => {
    type Tables<S> = { [K in keyof S as S[K] extends Table ? K : never]: S[K] };
    type Rows<S> = { [K in keyof Tables<S>]: Tables<S>[K] extends Table ? InferSelectModel<Tables<S>[K]> : never };
    type Inserts<S> = { [K in keyof Tables<S>]: Tables<S>[K] extends Table ? InferInsertModel<Tables<S>[K]> : never };
    // Each assignable to the other, so a nullability, optionality or type difference fails
    // typecheck on these lines. (The strict "identical type" trick, and expectTypeOf, also flag
    // types built differently by the two dialects' inference though they mean the same.)
    type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
    const rows: Equal<Rows<typeof pg>, Rows<typeof sqlite>> = true;
    const inserts: Equal<Inserts<typeof pg>, Inserts<typeof sqlite>> = true;
    expect([rows, inserts]).toEqual([true, true]);
  });
});
