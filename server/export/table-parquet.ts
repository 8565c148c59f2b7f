// A table artifact as a Parquet file, written by DuckDB: the columns go in typed (DOUBLE, VARCHAR,
// BOOLEAN, TIMESTAMP_MS) through an appender a chunk at a time, then COPY writes zstd Parquet.
// The column schema (types and roles) rides along as key-value metadata `pipeworks.columns`, the
// same JSON the Arrow artifact carries, so our importer reads categorical and text back exactly.
import {
  BOOLEAN,
  DOUBLE,
  DuckDBDataChunk,
  DuckDBInstance,
  TIMESTAMP_MS,
  timestampMillisValue,
  VARCHAR,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { Table, Vector } from 'apache-arrow';
import { assertNever } from '../../engine/assert-never';
import { COLUMNS_METADATA_KEY } from '../../nodes/table/column-schema';
import type { ColumnInfo, ColumnType } from '../../nodes/values';

/** DuckDB's vector size: one data chunk holds at most this many rows. */
const CHUNK_ROWS = 2048;

function duckType(type: ColumnType): DuckDBType {
  switch (type) {
    case 'numeric':
      return DOUBLE;
    case 'categorical':
    case 'text':
      return VARCHAR;
    case 'boolean':
      return BOOLEAN;
    case 'datetime':
      return TIMESTAMP_MS;
    default:
      return assertNever(type, 'column type');
  }
}

function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function slice(vector: Vector, type: ColumnType, start: number, end: number): DuckDBValue[] {
  const values: DuckDBValue[] = new Array(end - start);
  for (let row = start; row < end; row++) {
    const value = vector.get(row) as unknown;
    if (value === null || value === undefined) values[row - start] = null;
    else if (type === 'datetime') values[row - start] = timestampMillisValue(BigInt(value instanceof Date ? value.getTime() : (value as number | bigint)));
    else values[row - start] = value as DuckDBValue;
  }
  return values;
}

/** Writes `table` to `file`, a path the server chose (a temp file), never one a user named. */
export async function writeTableParquet(table: Table, columns: readonly ColumnInfo[], file: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  try {
    const types = columns.map((c) => duckType(c.type));
    const definition = columns.map((c, i) => `${quoteIdent(c.name)} ${types[i].toString()}`).join(', ');
    await connection.run(`CREATE TABLE export (${definition})`);
    const vectors = columns.map((c) => {
      const vector = table.getChild(c.name);
      if (!vector) throw new Error(`The table has no column "${c.name}"`);
      return vector;
    });
    const appender = await connection.createAppender('export');
    for (let start = 0; start < table.numRows; start += CHUNK_ROWS) {
      const end = Math.min(table.numRows, start + CHUNK_ROWS);
      const chunk = DuckDBDataChunk.create(types, end - start);
      chunk.setColumns(columns.map((c, i) => slice(vectors[i], c.type, start, end)));
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
    appender.closeSync();
    const schema = JSON.stringify(columns.map(({ name, type, role }) => ({ name, type, role })));
    await connection.run(
      `COPY export TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd, KV_METADATA {${sqlString(COLUMNS_METADATA_KEY)}: ${sqlString(schema)}})`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
