// Parquet → the same typed Arrow table a CSV import gives, through DuckDB. Server only (native).
// DuckDB casts every column to one of four plain types; rows stream out chunk by chunk.
import { DuckDBInstance } from '@duckdb/node-api';
import { UserError } from '../../engine/errors';
import { buildTable } from '../../nodes/ingest/csv/arrow-columns';
import { CellRules } from '../../nodes/ingest/csv/cell-rules';
import { ColumnBuilder } from '../../nodes/ingest/csv/column-builder';
import type { ColumnInfo } from '../../nodes/values';
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
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`).catch((error: Error) => {
      // DuckDB's message names the temp file; the user knows it by its own name.
      throw new UserError(`Not a readable Parquet file: ${firstLine(error.message).replaceAll(file, 'the file')}`);
    });
    const fields = described.getRowObjectsJS().map((row) => ({ name: String(row.column_name), duckType: String(row.column_type) }));
    const rules = new CellRules([], 'utf-8', 1024);
    const builders = fields.map((f, i) => ColumnBuilder.typed(f.name, i, plainType(f.duckType), rules));
    const sql = `SELECT ${fields.map((f, i) => selectExpression(f.name, plainType(f.duckType), f.duckType) + ` AS c${i}`).join(', ')} FROM ${source}`;
    const result = await connection.stream(sql);
    let rows = 0;
    for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
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

function firstLine(message: string): string {
  return message.split('\n')[0].slice(0, 300);
}
