// Parquet → the same typed Arrow table a CSV import gives, through DuckDB. Server only (native).
// DuckDB casts every column to one of four plain types; rows stream out chunk by chunk. A file our
// export wrote says in its metadata which string columns are categorical and which are text.
import { DuckDBBlobValue, DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { UserError } from '../../engine/errors';
import { buildTable } from '../../nodes/ingest/csv/arrow-columns';
import { CellRules } from '../../nodes/ingest/csv/cell-rules';
import { ColumnBuilder } from '../../nodes/ingest/csv/column-builder';
import { tableLimitError } from '../../nodes/ingest/csv/csv-error';
import type { CsvLimits } from '../../nodes/ingest/csv/csv-options';
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

export type TableLimits = Pick<CsvLimits, 'maxRows' | 'maxCells' | 'maxDecodedBytes'>;

/** Bytes a cell takes once decoded: 8 for a number or a date, 1 for a boolean, a string's length. */
function cellBytes(type: Plain, value: unknown): number {
  if (type === 'string') return typeof value === 'string' ? value.length : 0;
  return type === 'boolean' ? 1 : 8;
}

/**
 * `file` is a path the server chose (a temp file), never one a user named. `limits` are checked
 * against the footer's row count before any row is read, and against the decoded size as rows
 * stream, so a small file of constant columns is refused without being materialised.
 */
export async function readParquet(file: string, limits: TableLimits = {}): Promise<{ table: Table; columns: ColumnInfo[]; rows: number }> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  try {
    const source = `read_parquet('${file.replace(/'/g, "''")}')`;
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`).catch(unreadable(file));
    const fields = described.getRowObjectsJS().map((row) => ({ name: String(row.column_name), duckType: String(row.column_type) }));
    const rules = new CellRules([], 'utf-8', 1024);
    const types = fields.map((f) => plainType(f.duckType));
    await checkFooter(connection, file, types, limits);
    const declared = await declaredTextTypes(connection, file).catch(unreadable(file));
    const builders = fields.map((f, i) => ColumnBuilder.typed(f.name, i, plainType(f.duckType), rules, declared.get(f.name)));
    const sql = `SELECT ${fields.map((f, i) => selectExpression(f.name, plainType(f.duckType), f.duckType) + ` AS c${i}`).join(', ')} FROM ${source}`;
    // A file whose footer reads can still hold damaged pages: DuckDB finds out only while streaming.
    const result = await connection.stream(sql).catch(unreadable(file));
    const fetchChunk = () => result.fetchChunk().catch(unreadable(file));
    let rows = 0;
    let decoded = 0;
    for (let chunk = await fetchChunk(); chunk && chunk.rowCount > 0; chunk = await fetchChunk()) {
      builders.forEach((builder, i) => {
        for (const value of chunk.getColumnValues(i)) {
          decoded += cellBytes(types[i], value);
          builder.pushValue(value as number | boolean | string | null);
        }
      });
      rows += chunk.rowCount;
      if (limits.maxDecodedBytes !== undefined && decoded > limits.maxDecodedBytes) throw tableLimitError('decoded', limits.maxDecodedBytes);
    }
    if (fields.length === 0) throw new UserError('The Parquet file has no columns');
    if (rows === 0) throw new UserError('The Parquet file has no rows');
    return { ...buildTable(builders, rows), rows };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Rows and cells from the footer, and numbers' decoded size, refused before a row is read. */
async function checkFooter(connection: DuckDBConnection, file: string, types: Plain[], limits: TableLimits): Promise<void> {
  if (limits.maxRows === undefined && limits.maxCells === undefined && limits.maxDecodedBytes === undefined) return;
  const meta = await connection.runAndReadAll(`SELECT num_rows FROM parquet_file_metadata('${file.replace(/'/g, "''")}')`).catch(unreadable(file));
  const rows = Number(meta.getRowObjectsJS()[0]?.num_rows ?? 0);
  if (limits.maxRows !== undefined && rows > limits.maxRows) throw tableLimitError('rows', limits.maxRows, { found: rows });
  const cells = rows * types.length;
  if (limits.maxCells !== undefined && cells > limits.maxCells) throw tableLimitError('cells', limits.maxCells, { found: cells });
  // Numbers, dates and booleans are known from the row count; strings are counted as they stream.
  const fixed = rows * types.reduce((sum, type) => sum + cellBytes(type, undefined), 0);
  if (limits.maxDecodedBytes !== undefined && fixed > limits.maxDecodedBytes) throw tableLimitError('decoded', limits.maxDecodedBytes, { found: fixed });
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
