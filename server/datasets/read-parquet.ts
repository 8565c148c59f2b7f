// Parquet → the same typed Arrow table a CSV import gives, through DuckDB. Server only (native).
// DuckDB casts every column to one of four plain types; rows stream out chunk by chunk. A file our
// export wrote says in its metadata which string columns are categorical and which are text.
import { DuckDBBlobValue, DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { UserError } from '../../engine/errors';
import { buildTable } from '../../nodes/ingest/csv/arrow-columns';
import { CellRules } from '../../nodes/ingest/csv/cell-rules';
import { ColumnBuilder } from '../../nodes/ingest/csv/column-builder';
import { COLUMNS_METADATA_KEY } from '../../nodes/table/column-schema';
import { COLUMN_TYPES, type ColumnInfo } from '../../nodes/values';
import type { Table } from 'apache-arrow';

type Plain = 'numeric' | 'boolean' | 'datetime' | 'string';

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL\(\d+,\s*\d+\))$/;

function plainType(duckType: string): Plain {
  if (NUMERIC.test(duckType)) return 'numeric';
  if (duckType === 'BOOLEAN') return 'boolean';
  if (duckType === 'DATE' || duckType.startsWith('TIMESTAMP')) return 'datetime';
  return 'string';
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function selectExpression(name: string, type: Plain, duckType: string): string {
  const column = quoteIdent(name);
  if (type === 'numeric') return `CAST(${column} AS DOUBLE)`;
  if (type === 'boolean') return column;
  if (type === 'datetime') {
    const ms = duckType.includes('WITH TIME ZONE') ? `epoch_ms(${column})` : `epoch_ms(CAST(${column} AS TIMESTAMP))`;
    return `CAST(${ms} AS DOUBLE)`;
  }
  return `CAST(${column} AS VARCHAR)`;
}

/** `file` is a path the server chose (a temp file), never one a user named. */
export async function readParquet(file: string): Promise<{ table: Table; columns: ColumnInfo[]; rows: number }> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  try {
    const source = `read_parquet('${file.replace(/'/g, "''")}')`;
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`).catch(unreadable(file));
    const fields = described.getRowObjectsJS().map((row) => ({ name: String(row.column_name), duckType: String(row.column_type) }));
    const rules = new CellRules([], 'utf-8', 1024);
    const declared = await declaredTextTypes(connection, file).catch(unreadable(file));
    const builders = fields.map((f, i) => ColumnBuilder.typed(f.name, i, plainType(f.duckType), rules, declared.get(f.name)));
    const sql = `SELECT ${fields.map((f, i) => selectExpression(f.name, plainType(f.duckType), f.duckType) + ` AS c${i}`).join(', ')} FROM ${source}`;
    // A file whose footer reads can still hold damaged pages: DuckDB finds out only while streaming.
    const result = await connection.stream(sql).catch(unreadable(file));
    const fetchChunk = () => result.fetchChunk().catch(unreadable(file));
    let rows = 0;
    for (let chunk = await fetchChunk(); chunk && chunk.rowCount > 0; chunk = await fetchChunk()) {
      builders.forEach((builder, i) => {
        for (const value of chunk.getColumnValues(i)) builder.pushValue(value as number | boolean | string | null);
      });
      rows += chunk.rowCount;
    }
    if (fields.length === 0) throw new UserError('The Parquet file has no columns');
    if (rows === 0) throw new UserError('The Parquet file has no rows');
    return { ...buildTable(builders, rows), rows };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * Whether each string column is categorical or text, from the `pipeworks.columns` key-value
 * metadata our own Parquet export writes; empty for any other file, or metadata that does not parse.
 */
async function declaredTextTypes(connection: DuckDBConnection, file: string): Promise<Map<string, 'categorical' | 'text'>> {
  const rows = await connection.runAndReadAll(`SELECT key, value FROM parquet_kv_metadata('${file.replace(/'/g, "''")}')`);
  const declared = new Map<string, 'categorical' | 'text'>();
  for (const row of rows.getRowObjects()) {
    if (!(row.key instanceof DuckDBBlobValue) || !(row.value instanceof DuckDBBlobValue)) continue;
    if (new TextDecoder().decode(row.key.bytes) !== COLUMNS_METADATA_KEY) continue;
    const parsed = declaredSchema.safeParse(safeJson(new TextDecoder().decode(row.value.bytes)));
    if (!parsed.success) return declared;
    for (const c of parsed.data) if (c.type === 'categorical' || c.type === 'text') declared.set(c.name, c.type);
  }
  return declared;
}

const declaredSchema = z.array(z.object({ name: z.string(), type: z.enum(COLUMN_TYPES) }));

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** DuckDB's error as the user's: its first line, the temp file's path replaced by "the file". */
function unreadable(file: string): (error: Error) => never {
  return (error) => {
    if (error instanceof UserError) throw error;
    throw new UserError(`Not a readable Parquet file: ${firstLine(error.message).replaceAll(file, 'the file')}`);
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0].slice(0, 300);
}
