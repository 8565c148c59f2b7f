// CSV text → typed columns. Deliberately simple: comma-separated, header row, strict row length.
import Papa from 'papaparse';
import { UserError } from '../../engine/errors';
import { inferColumnType, parseCells } from '../table/infer-column-type';
import type { ColumnData } from '../table/table-from-columns';

export interface ParsedCsv {
  columns: ColumnData[];
  rows: number;
}

/** Every column comes back with role 'feature'. Errors name the 1-based line of the file (`details.row`). */
export function parseCsv(text: string): ParsedCsv {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ',', header: false });
  const records = result.data;
  const lines = startLines(records);
  const error = result.errors[0];
  if (error) {
    const line = error.row === undefined ? undefined : lines[error.row];
    throw new UserError(`CSV ${line === undefined ? '' : `line ${line}: `}${error.message}`, { row: line });
  }
  if (records.length === 0 || isBlank(records[0])) throw new UserError('The CSV file is empty or has no header row');

  const header = records[0].map((name) => name.trim());
  checkHeader(header);
  const raw: string[][] = header.map(() => []);
  for (let r = 1; r < records.length; r++) {
    const record = records[r];
    if (isBlank(record)) continue;
    if (record.length !== header.length) {
      throw new UserError(`CSV line ${lines[r]} has ${record.length} fields, but the header has ${header.length}`, {
        row: lines[r],
      });
    }
    record.forEach((cell, c) => raw[c].push(cell));
  }

  const columns = header.map((name, c): ColumnData => {
    const type = inferColumnType(raw[c]);
    const { cells, badIndex } = parseCells(type, raw[c]);
    if (badIndex !== null) {
      throw new UserError(`Column "${name}": "${raw[c][badIndex]}" is not ${type}`, { column: name });
    }
    return { info: { name, type, role: 'feature' }, values: cells };
  });
  return { columns, rows: raw[0]?.length ?? 0 };
}

function checkHeader(header: string[]): void {
  const seen = new Set<string>();
  header.forEach((name, c) => {
    if (name === '') throw new UserError(`CSV header: column ${c + 1} has no name`, { row: 1 });
    if (seen.has(name)) throw new UserError(`CSV header: column name "${name}" appears twice`, { row: 1, column: name });
    seen.add(name);
  });
}

function isBlank(record: string[]): boolean {
  return record.length === 1 && record[0].trim() === '';
}

/** The file line each record starts on; quoted fields may span lines. */
function startLines(records: string[][]): number[] {
  const lines: number[] = [];
  let line = 1;
  for (const record of records) {
    lines.push(line);
    line += 1;
    for (const field of record) for (const ch of field) if (ch === '\n') line++;
  }
  return lines;
}
