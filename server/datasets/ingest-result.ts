// What an import answers: the stored table, or why the file was refused (message, line, column).
// Kept apart from ingest-file.ts so the web server's bundle never pulls in DuckDB's native code.
import type { UserError } from '../../engine/errors';
import { CsvError } from '../../nodes/ingest/csv/csv-error';
import type { IngestedTable } from './ingest-file';

export interface IngestRejection {
  message: string;
  line?: number;
  column?: number;
  columnName?: string;
}

/** `diskFull`: the file was fine but the data disk had no room for the stored table. */
export type IngestResult = { ok: true; table: IngestedTable } | { ok: false; error: IngestRejection; diskFull?: true };

export function rejection(error: UserError): IngestRejection {
  if (error instanceof CsvError) return { message: error.message, line: error.line, column: error.columnIndex, columnName: error.columnName };
  return { message: error.message };
}
