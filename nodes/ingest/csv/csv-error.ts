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

/** The same words for the upload route (which counts lines while it streams) and the parser. */
export function tooLargeError(maxBytes: number, line?: number): UserError {
  const problem = `the file is larger than the ${formatSize(maxBytes)} limit`;
  return line === undefined ? new UserError(`The file is larger than the ${formatSize(maxBytes)} limit`) : new CsvError({ line }, problem);
}
