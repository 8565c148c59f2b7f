// What a CSV import may be told: delimiter, encoding, missing-value tokens and per-column types.
// One zod schema, shared by the upload route, the CLI and the parser's defaults.
import { z } from 'zod';
import { COLUMN_TYPES } from '../../values';

export const DELIMITERS = ['auto', ',', ';', '\t', '|'] as const;
export type DelimiterOption = (typeof DELIMITERS)[number];

/**
 * UTF-8 is the default and is checked strictly: an invalid byte is an error naming its line.
 * Windows-1252 (a superset of Latin-1's printable range) must be asked for; it is never guessed,
 * because any byte sequence is "valid" Windows-1252 and a wrong guess silently garbles text.
 */
export const ENCODINGS = ['utf-8', 'windows-1252'] as const;
export type CsvEncoding = (typeof ENCODINGS)[number];

/** Compared with the trimmed cell, case-sensitively; '' means an empty cell. */
export const DEFAULT_NA_TOKENS: readonly string[] = [
  '', 'NA', 'na', 'N/A', 'n/a', 'null', 'NULL', 'Null', 'NaN', 'nan', 'NAN', 'None', 'none', '-', '?',
];

export const csvOptionsSchema = z.object({
  delimiter: z.enum(DELIMITERS).default('auto'),
  encoding: z.enum(ENCODINGS).default('utf-8'),
  naTokens: z.array(z.string().max(64)).max(100).default([...DEFAULT_NA_TOKENS]),
  /** Per-column type override by (trimmed) column name; other columns are inferred. */
  types: z.record(z.string().min(1).max(500), z.enum(COLUMN_TYPES)).default({}),
});

export type CsvOptions = z.output<typeof csvOptionsSchema>;
export type CsvOptionsInput = z.input<typeof csvOptionsSchema>;

export interface CsvLimits {
  /** The whole file; undefined means no limit. */
  maxBytes?: number;
  /** One physical line, in bytes. */
  maxLineBytes: number;
  maxColumns: number;
  /**
   * Caps on what a file decodes to, so a small file cannot become a huge table (a 20 KB Parquet
   * file of constant columns held 25 million rows). Undefined means no cap. Checked as rows arrive,
   * and for Parquet from its footer before any row is read.
   */
  maxRows?: number;
  /** Rows × columns. */
  maxCells?: number;
  /** The table in memory: 8 bytes a numeric or datetime cell, 1 a boolean, a string's own bytes. */
  maxDecodedBytes?: number;
}

export const DEFAULT_LIMITS: CsvLimits = { maxLineBytes: 1024 * 1024, maxColumns: 10_000 };

export function csvOptions(input: CsvOptionsInput = {}): CsvOptions {
  return csvOptionsSchema.parse(input);
}
