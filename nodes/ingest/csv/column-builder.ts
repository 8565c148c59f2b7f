// One column while reading. Its type comes from the first present cell (number, then true/false,
// then ISO date, else text). A later cell that does not fit turns the column into text from that
// row on; the earlier rows' exact text is read again by a second pass (backfill.ts).
import type { ColumnType } from '../../values';
import { MAX_CATEGORIES, type CellRules } from './cell-rules';
import { parseBoolean, parseDateCell } from './cell-kinds';
import { CsvError } from './csv-error';
import { BoolStore, NumberStore } from './number-store';
import { parseNumber } from './parse-number';
import { StringStore } from './string-store';
import { decodeCell, invalidUtf8At, isAscii, utf8Bytes } from './text-bytes';

export const UNDECIDED = 0;
export const NUMERIC = 1;
export const BOOLEAN = 2;
export const DATETIME = 3;
export const STRING = 4;

const KIND_OF: Record<ColumnType, number> = { numeric: NUMERIC, boolean: BOOLEAN, datetime: DATETIME, categorical: STRING, text: STRING };

export class ColumnBuilder {
  kind = UNDECIDED;
  /** Missing cells before the first present one, while the kind is undecided. */
  leading = 0;
  numbers: NumberStore | null = null;
  bools: BoolStore | null = null;
  strings: StringStore | null = null;
  /** Rows before this one were read as another type and need their text again; -1 when not demoted. */
  demotedAt = -1;

  constructor(
    readonly name: string,
    /** 0-based. */
    readonly position: number,
    readonly forced: ColumnType | undefined,
    private readonly rules: CellRules,
  ) {
    if (forced) this.start(KIND_OF[forced], 0);
  }

  /**
   * A column for a source that is already typed (Parquet through DuckDB): fill it with pushValue.
   * `text` says whether strings are categorical or text when the source declares it; otherwise
   * their number of distinct values decides, as for CSV.
   */
  static typed(
    name: string,
    position: number,
    type: 'numeric' | 'boolean' | 'datetime' | 'string',
    rules: CellRules,
    text?: 'categorical' | 'text',
  ): ColumnBuilder {
    if (type === 'string' && text) return new ColumnBuilder(name, position, text, rules);
    const builder = new ColumnBuilder(name, position, undefined, rules);
    builder.start(type === 'numeric' ? NUMERIC : type === 'boolean' ? BOOLEAN : type === 'datetime' ? DATETIME : STRING, 0);
    return builder;
  }

  /** Numbers (datetimes as epoch ms), booleans or strings, matching the kind given to typed(); NaN is missing. */
  pushValue(value: number | boolean | string | null): void {
    if (this.kind === BOOLEAN) {
      if (value === null) this.bools!.pushNull();
      else this.bools!.push(value === true);
    } else if (this.kind === STRING) {
      if (value === null) this.strings!.pushNull();
      else this.strings!.push(String(value), null);
    } else if (value === null || Number.isNaN(value)) {
      this.numbers!.pushNull();
    } else {
      this.numbers!.push(Number(value));
    }
  }

  add(buf: Uint8Array, start: number, end: number, row: number, line: number): void {
    const rules = this.rules;
    switch (this.kind) {
      case NUMERIC: {
        if (rules.numericTokens && rules.isMissing(buf, start, end)) return this.numbers!.pushNull();
        if (this.numbers!.pushParsed(buf, start, end)) return;
        if (rules.isMissing(buf, start, end)) return this.numbers!.pushNull();
        return this.misfit(buf, start, end, row, line);
      }
      case STRING:
        if (rules.isMissing(buf, start, end)) return this.strings!.pushNull();
        return this.pushText(buf, start, end, line);
      case BOOLEAN: {
        const value = parseBoolean(buf, start, end);
        if (value >= 0) return this.bools!.push(value === 1);
        if (rules.isMissing(buf, start, end)) return this.bools!.pushNull();
        return this.misfit(buf, start, end, row, line);
      }
      case DATETIME: {
        if (rules.isMissing(buf, start, end)) return this.numbers!.pushNull();
        const ms = parseDateCell(buf, start, end);
        if (ms === ms) return this.numbers!.push(ms);
        return this.misfit(buf, start, end, row, line);
      }
      default:
        if (rules.isMissing(buf, start, end)) {
          this.leading++;
          return;
        }
        this.start(this.guess(buf, start, end), this.leading);
        return this.add(buf, start, end, row, line);
    }
  }

  get rows(): number {
    if (this.kind === UNDECIDED) return this.leading;
    return (this.numbers ?? this.bools ?? this.strings)!.length;
  }

  private guess(buf: Uint8Array, start: number, end: number): number {
    if (!Number.isNaN(parseNumber(buf, start, end))) return NUMERIC;
    if (parseBoolean(buf, start, end) >= 0) return BOOLEAN;
    if (!Number.isNaN(parseDateCell(buf, start, end))) return DATETIME;
    return STRING;
  }

  private start(kind: number, leadingNulls: number): void {
    const capacity = this.rules.capacity;
    this.kind = kind;
    if (kind === NUMERIC || kind === DATETIME) this.numbers = new NumberStore(capacity, leadingNulls);
    else if (kind === BOOLEAN) this.bools = new BoolStore(capacity, leadingNulls);
    else this.strings = this.newStrings(capacity, leadingNulls);
  }

  newStrings(capacity: number, leadingNulls = 0): StringStore {
    const maxDistinct = this.forced === 'categorical' ? Infinity : this.forced === 'text' ? 0 : MAX_CATEGORIES;
    return new StringStore(capacity, maxDistinct, leadingNulls);
  }

  private misfit(buf: Uint8Array, start: number, end: number, row: number, line: number): void {
    if (this.forced) {
      const text = decodeCell(buf, start, end, this.rules.encoding);
      const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
      throw new CsvError({ line, column: this.position + 1, columnName: this.name }, `"${shown}" is not ${this.forced}, the type this column is set to`);
    }
    this.demotedAt = row;
    this.numbers = null;
    this.bools = null;
    this.kind = STRING;
    this.strings = this.newStrings(Math.max(16, this.rules.capacity - row));
    this.pushText(buf, start, end, line);
  }

  /** Validates and stores a text cell, into this column's store or a backfill store. */
  pushText(buf: Uint8Array, start: number, end: number, line: number, store = this.strings!): void {
    const encoding = this.rules.encoding;
    if (encoding === 'utf-8' && !isAscii(buf, start, end)) {
      const bad = invalidUtf8At(buf, start, end);
      if (bad >= 0) throw this.invalidUtf8(buf, start, bad, line);
    }
    if (store.isDictionary) store.push(decodeCell(buf, start, end, encoding), null);
    else store.push(null, utf8Bytes(buf, start, end, encoding));
  }

  private invalidUtf8(buf: Uint8Array, start: number, bad: number, line: number): CsvError {
    for (let i = start; i < bad; i++) if (buf[i] === 10) line++;
    const byte = buf[bad].toString(16).toUpperCase().padStart(2, '0');
    return new CsvError(
      { line, column: this.position + 1, columnName: this.name },
      `invalid UTF-8 (byte 0x${byte}); if the file is Latin-1 or Windows-1252, import it with that encoding`,
    );
  }
}
