// The per-import rules every column shares: which trimmed cells are missing, the encoding, and
// how much room to reserve per column.
import type { CsvEncoding } from './csv-options';
import { decodeCell } from './text-bytes';
import { parseNumber } from './parse-number';

/** A text column with at most this many distinct values (and few relative to its rows) is categorical. */
export const MAX_CATEGORIES = 50;

export class CellRules {
  private readonly tokens: Set<string>;
  private readonly longest: number;
  private readonly emptyIsMissing: boolean;
  /** Some token reads as a number (e.g. -999), so numeric columns must check tokens first. */
  readonly numericTokens: boolean;

  constructor(
    naTokens: readonly string[],
    readonly encoding: CsvEncoding,
    /** Rows to reserve per column up front (an estimate from the file size). */
    readonly capacity: number,
  ) {
    const trimmed = naTokens.map((t) => t.trim());
    this.tokens = new Set(trimmed);
    this.emptyIsMissing = this.tokens.has('');
    this.longest = Math.max(0, ...trimmed.map((t) => new TextEncoder().encode(t).length));
    this.numericTokens = trimmed.some((t) => {
      const bytes = new TextEncoder().encode(t);
      return t !== '' && !Number.isNaN(parseNumber(bytes, 0, bytes.length));
    });
  }

  isMissing(buf: Uint8Array, start: number, end: number): boolean {
    if (start === end) return this.emptyIsMissing;
    if (end - start > this.longest) return false;
    return this.tokens.has(decodeCell(buf, start, end, this.encoding));
  }
}
