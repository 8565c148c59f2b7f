// A table artifact as CSV, produced a slice of rows at a time so a large table streams out
// without one giant string. UTF-8 with a byte-order mark (so spreadsheets read accents right),
// CRLF line ends (RFC 4180), a header row, missing cells empty.
import type { Table, Vector } from 'apache-arrow';
import { assertNever } from '../../engine/assert-never';
import type { ColumnInfo } from '../../nodes/values';
import { datetimeField, isMidnightUtc, numberField, textField } from './csv-cells';

export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';
const BOM = '\uFEFF';
const ROWS_PER_CHUNK = 4096;

type CellWriter = (row: number) => string;

function cellWriter(column: ColumnInfo, vector: Vector): CellWriter {
  switch (column.type) {
    case 'numeric':
      return (row) => numberField(vector.get(row) as number | null);
    case 'categorical':
    case 'text':
      return (row) => {
        const value = vector.get(row) as string | null;
        return value === null ? '' : textField(value);
      };
    case 'boolean':
      return (row) => {
        const value = vector.get(row) as boolean | null;
        return value === null ? '' : value ? 'true' : 'false';
      };
    case 'datetime': {
      const ms = (row: number) => toMillis(vector.get(row));
      let dateOnly = true;
      for (let row = 0; row < vector.length && dateOnly; row++) {
        const value = ms(row);
        if (value !== null && !isMidnightUtc(value)) dateOnly = false;
      }
      return (row) => datetimeField(ms(row), dateOnly);
    }
    default:
      return assertNever(column.type, 'column type');
  }
}

function toMillis(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.getTime();
  return value as number;
}

/** The CSV text in chunks: the header first, then up to ROWS_PER_CHUNK rows per chunk. */
export function* tableCsvChunks(table: Table, columns: readonly ColumnInfo[]): Generator<string> {
  const writers = columns.map((column) => {
    const vector = table.getChild(column.name);
    if (!vector) throw new Error(`The table has no column "${column.name}"`);
    return cellWriter(column, vector);
  });
  yield BOM + columns.map((c) => textField(c.name)).join(',') + '\r\n';
  for (let start = 0; start < table.numRows; start += ROWS_PER_CHUNK) {
    const end = Math.min(table.numRows, start + ROWS_PER_CHUNK);
    const lines: string[] = [];
    for (let row = start; row < end; row++) {
      const line = writers.map((write) => write(row)).join(',');
      // A lone empty field would be a blank line, which readers skip: quote it so the row stays.
      lines.push(line === '' && writers.length === 1 ? '""' : line);
    }
    yield lines.join('\r\n') + '\r\n';
  }
}

export function tableToCsv(table: Table, columns: readonly ColumnInfo[]): string {
  return [...tableCsvChunks(table, columns)].join('');
}
