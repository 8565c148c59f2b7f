// A bad CSV file: the message always names the 1-based physical line, and the column when known.
import { UserError } from '../../../engine/errors';

export interface CsvErrorPlace {
  line: number;
  /** 1-based field position. */
  column?: number;
  /** The header's name for that column, once the header is known. */
  columnName?: string;
}

export class CsvError extends UserError {
  readonly line: number;
  readonly columnIndex?: number;
  readonly columnName?: string;

  constructor(place: CsvErrorPlace, problem: string) {
    super(`${describePlace(place)}: ${problem}`, { row: place.line, column: place.columnName ?? columnLabel(place.column) });
    this.name = 'CsvError';
    this.line = place.line;
    this.columnIndex = place.column;
    this.columnName = place.columnName;
  }
}

function columnLabel(column: number | undefined): string | undefined {
  return column === undefined ? undefined : `column ${column}`;
}

export function describePlace({ line, column, columnName }: CsvErrorPlace): string {
  if (column === undefined) return `Line ${line}`;
  return `Line ${line}, column ${column}${columnName === undefined ? '' : ` ("${columnName}")`}`;
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(2)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(2)} KB`;
  return `${bytes} bytes`;
}

export type TableLimit = 'rows' | 'cells' | 'decoded';

const LIMIT_WORDS: Record<TableLimit, { what: string; variable: string; size: (n: number) => string }> = {
  rows: { what: 'rows', variable: 'PIPEWORKS_MAX_ROWS', size: (n) => `${n.toLocaleString('en')} rows` },
  cells: { what: 'cells (rows × columns)', variable: 'PIPEWORKS_MAX_CELLS', size: (n) => `${n.toLocaleString('en')} cells` },
  decoded: { what: 'data once decoded', variable: 'PIPEWORKS_MAX_DECODED_MB', size: formatSize },
};

/**
 * A file that decodes to more than a table limit allows: names the limit, its setting, and the
 * line where a CSV crossed it. `found` is the file's own figure where it is known up front (Parquet).
 */
export function tableLimitError(limit: TableLimit, max: number, place: { line?: number; found?: number } = {}): UserError {
  const words = LIMIT_WORDS[limit];
  const found = place.found === undefined ? 'more' : `${words.size(place.found)}, more`;
  const problem = limit === 'decoded'
    ? `the table would take ${found} than the ${words.size(max)} limit on ${words.what} (${words.variable})`
    : `the file holds ${found} than the ${words.size(max)} limit (${words.variable})`;
  if (place.line !== undefined) return new CsvError({ line: place.line }, problem);
  return new UserError(problem.charAt(0).toUpperCase() + problem.slice(1), { field: words.variable });
}

/** The same words for the upload route (which counts lines while it streams) and the parser. */
export function tooLargeError(maxBytes: number, line?: number): UserError {
  const problem = `the file is larger than the ${formatSize(maxBytes)} limit`;
  return line === undefined ? new UserError(`The file is larger than the ${formatSize(maxBytes)} limit`) : new CsvError({ line }, problem);
}
