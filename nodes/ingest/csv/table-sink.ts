// Receives the tokenizer's fields: the first record names the columns, every later one must have
// exactly as many fields, and each trimmed cell goes to its column's builder.
import type { ColumnType } from '../../values';
import type { CellRules } from './cell-rules';
import { ColumnBuilder, NUMERIC } from './column-builder';
import type { CsvLimits } from './csv-options';
import { CsvError, tableLimitError } from './csv-error';
import { decodeCell, invalidUtf8At, trimEnd, trimStart } from './text-bytes';
import type { CsvSink } from './tokenizer';

export class TableSink implements CsvSink {
  columns: ColumnBuilder[] | null = null;
  numeric = new Uint8Array(0);
  private names: string[] = [];
  rows = 0;
  headerLine = 0;
  private count = 0;

  constructor(
    private readonly rules: CellRules,
    private readonly types: Record<string, ColumnType>,
    private readonly limits: Pick<CsvLimits, 'maxColumns' | 'maxRows' | 'maxCells' | 'maxDecodedBytes'>,
    private readonly delimiter: number,
  ) {}

  field(column: number, buf: Uint8Array, start: number, end: number, line: number): void {
    const columns = this.columns;
    if (columns === null) return this.headerField(column, buf, start, end, line);
    if (column >= this.count) {
      throw new CsvError({ line, column: column + 1 }, `this row has more fields than the header's ${this.count}`);
    }
    start = trimStart(buf, start, end);
    const builder = columns[column];
    builder.add(buf, start, trimEnd(buf, start, end), this.rows, line);
    this.numeric[column] = builder.kind === NUMERIC && !this.rules.numericTokens ? 1 : 0;
  }

  numberField(column: number, buf: Uint8Array, start: number, limit: number): number {
    return this.columns![column].numbers!.pushField(buf, start, limit, this.delimiter);
  }

  record(fields: number, line: number): boolean {
    if (this.columns === null) {
      this.startColumns(line);
      return true;
    }
    if (fields < this.count) {
      const missing = this.columns[fields];
      throw new CsvError(
        { line, column: fields + 1, columnName: missing.name },
        `this row has ${fields} field${fields === 1 ? '' : 's'}, but the header has ${this.count}`,
      );
    }
    this.rows++;
    this.checkSize(line);
    return true;
  }

  /** Stops a file at the row that crosses a table limit, before it is built any further. */
  private checkSize(line: number): void {
    const { maxRows, maxCells, maxDecodedBytes } = this.limits;
    if (maxRows !== undefined && this.rows > maxRows) throw tableLimitError('rows', maxRows, { line });
    const cells = this.rows * this.count;
    if (maxCells !== undefined && cells > maxCells) throw tableLimitError('cells', maxCells, { line });
    // 8 bytes a cell bounds numbers and dates; strings' own bytes are bounded by the file-size limit.
    if (maxDecodedBytes !== undefined && cells * 8 > maxDecodedBytes) throw tableLimitError('decoded', maxDecodedBytes, { line });
  }

  private headerField(column: number, buf: Uint8Array, start: number, end: number, line: number): void {
    if (column >= this.limits.maxColumns) {
      throw new CsvError({ line, column: column + 1 }, `the header has more than ${this.limits.maxColumns.toLocaleString('en')} columns`);
    }
    if (this.rules.encoding === 'utf-8') {
      const bad = invalidUtf8At(buf, start, end);
      if (bad >= 0) throw new CsvError({ line, column: column + 1 }, `invalid UTF-8 in the column name (byte 0x${buf[bad].toString(16).toUpperCase()})`);
    }
    this.names.push(decodeCell(buf, start, end, this.rules.encoding).trim());
  }

  private startColumns(line: number): void {
    this.headerLine = line;
    const first = new Map<string, number>();
    this.names.forEach((name, i) => {
      if (name === '') throw new CsvError({ line, column: i + 1 }, 'this column has no name in the header');
      const earlier = first.get(name);
      if (earlier !== undefined) {
        throw new CsvError({ line, column: i + 1, columnName: name }, `the column name is used twice (also column ${earlier + 1})`);
      }
      first.set(name, i);
    });
    for (const name of Object.keys(this.types)) {
      if (!first.has(name)) throw new CsvError({ line }, `a type is set for column "${name}", but the header has no such column`);
    }
    this.columns = this.names.map((name, i) => new ColumnBuilder(name, i, this.types[name], this.rules));
    this.count = this.columns.length;
    this.numeric = new Uint8Array(this.count);
  }
}
