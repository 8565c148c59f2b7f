// The CSV state machine over bytes. It finds fields (quotes, doubled quotes, delimiters, LF, CR
// and CRLF), counts physical lines, and enforces the byte-level rules (NUL, line length, closed
// quotes). A field cut by a chunk end is carried over and re-read whole with the next chunk, so
// every field reaches the sink as one contiguous slice and no state lives inside a field.
import { CsvError } from './csv-error';
import { formatSize } from './csv-error';

const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;
const TAB = 9;

export interface CsvSink {
  /** One field's bytes, buf[start, end), quotes removed; `line` is where the field starts. */
  field(column: number, buf: Uint8Array, start: number, end: number, line: number): void;
  /** A record of `fields` fields, which started on `line`, ended. Return false to stop reading. */
  record(fields: number, line: number): boolean;
  /** 1 for columns that take plain numbers; their cells may arrive through `numberField` instead. */
  readonly numeric: Uint8Array;
  /**
   * Stores the number starting at buf[start] when it is the whole field, i.e. followed directly by
   * the delimiter or a line break; returns that terminator's index, else -1 and stores nothing.
   * One pass over the bytes instead of two: find the field's end, then parse it.
   */
  numberField(column: number, buf: Uint8Array, start: number, limit: number): number;
}

export interface TokenizerLimits {
  maxLineBytes: number;
  /** A quoted field may span lines; past this size it is almost surely a missing closing quote. */
  maxFieldBytes: number;
}

export class CsvTokenizer {
  private line = 1;
  private lineStart = 0;
  private recordLine = 1;
  private column = 0;
  private afterCR = false;
  private consumed = 0;
  private pending: Uint8Array | null = null;
  private pendingAt = 0;
  private scratch = new Uint8Array(4096);
  private joined = new Uint8Array(0);
  stopped = false;

  constructor(
    private readonly delimiter: number,
    private readonly sink: CsvSink,
    private readonly limits: TokenizerLimits,
  ) {}

  /** The physical line being read: where the next byte lands. */
  get currentLine(): number {
    return this.line;
  }

  push(chunk: Uint8Array): void {
    if (this.stopped) return;
    let buf = chunk;
    let base = this.consumed;
    if (this.pending) {
      // One buffer reused for every join: a fresh one per chunk is a chunk's worth of garbage each time.
      const size = this.pending.length + chunk.length;
      if (this.joined.length < size) this.joined = new Uint8Array(Math.max(size, this.joined.length * 2));
      this.joined.set(this.pending);
      this.joined.set(chunk, this.pending.length);
      buf = this.joined.subarray(0, size);
      base = this.pendingAt;
      this.pending = null;
    }
    this.consumed += chunk.length;
    this.run(buf, base, false);
  }

  finish(): void {
    if (this.stopped) return;
    const buf = this.pending ?? new Uint8Array(0);
    const base = this.pending ? this.pendingAt : this.consumed;
    this.pending = null;
    this.run(buf, base, true);
  }

  private run(buf: Uint8Array, base: number, final: boolean): void {
    const n = buf.length;
    const d = this.delimiter;
    const sink = this.sink;
    const numeric = sink.numeric;
    const maxLine = this.limits.maxLineBytes;
    let { line, lineStart, recordLine, column } = this;
    let i = 0;
    for (;;) {
      if (i >= n) {
        if (final && column > 0) {
          sink.field(column, buf, n, n, line);
          if (!sink.record(column + 1, recordLine)) this.stopped = true;
          column = 0;
        }
        break;
      }
      if (this.afterCR) {
        this.afterCR = false;
        if (buf[i] === LF) {
          i++;
          lineStart = base + i;
          continue;
        }
      }
      const fieldStart = i;
      const fieldLine = line;
      const fieldLineStart = lineStart;
      if (column === 0) recordLine = line;
      let q = i;
      while (q < n && (buf[q] === SPACE || (buf[q] === TAB && d !== TAB))) q++;

      if (q < n && buf[q] === QUOTE) {
        // Quoted: runs to the quote not followed by another quote; may hold delimiters and newlines.
        let j = q + 1;
        let escaped = false;
        let closed = -1;
        while (j < n) {
          const c = buf[j];
          if (c > QUOTE || (c !== QUOTE && c !== LF && c !== CR && c !== 0)) {
            j++;
            continue;
          }
          if (c === QUOTE) {
            if (j + 1 < n && buf[j + 1] === QUOTE) {
              escaped = true;
              j += 2;
              continue;
            }
            if (j + 1 >= n && !final) break;
            closed = j;
            j++;
            break;
          }
          if (c === 0) throw this.nulError(line, column);
          if (base + j - lineStart > maxLine) throw this.longLineError(line, column);
          line++;
          if (c === CR && j + 1 < n && buf[j + 1] === LF) j++;
          j++;
          lineStart = base + j;
        }
        while (closed >= 0 && j < n && (buf[j] === SPACE || (buf[j] === TAB && d !== TAB))) j++;
        if (closed < 0 || (j >= n && !final)) {
          if (closed < 0 && final) throw new CsvError({ line: fieldLine, column: column + 1 }, 'this quoted field is never closed (a closing " is missing)');
          if (base + n - lineStart > maxLine) throw this.longLineError(line, column);
          if (n - fieldStart > this.limits.maxFieldBytes) {
            throw new CsvError({ line: fieldLine, column: column + 1 }, `a quoted field starting here runs past ${formatSize(this.limits.maxFieldBytes)}; is a closing " missing?`);
          }
          this.carry(buf, base, fieldStart);
          line = fieldLine;
          lineStart = fieldLineStart;
          break;
        }
        if (escaped) this.emitUnescaped(column, buf, q + 1, closed, fieldLine);
        else sink.field(column, buf, q + 1, closed, fieldLine);
        if (j >= n) {
          if (!sink.record(column + 1, recordLine)) this.stopped = true;
          column = 0;
          break;
        }
        const c = buf[j];
        if (c === d) {
          column++;
          i = j + 1;
          continue;
        }
        if (c !== LF && c !== CR) {
          throw new CsvError({ line, column: column + 1 }, `unexpected "${printable(c)}" after the closing quote of a quoted field`);
        }
        if (base + j - lineStart > maxLine) throw this.longLineError(line, column);
        if (!sink.record(column + 1, recordLine)) {
          this.stopped = true;
          break;
        }
        column = 0;
        i = this.newline(buf, j, n);
        line++;
        lineStart = base + i;
        continue;
      }

      // Unquoted: runs to the delimiter or the end of the line; a quote inside is kept as text.
      let j = column < numeric.length && numeric[column] === 1 ? sink.numberField(column, buf, i, n) : -1;
      const stored = j >= 0;
      let c = stored ? buf[j] : 0;
      if (!stored) j = i;
      while (!stored && j < n) {
        c = buf[j];
        if (c > CR) {
          if (c === d) break;
          j++;
          continue;
        }
        if (c === LF || c === CR || c === 0 || c === d) break;
        j++;
      }
      if (j >= n) {
        if (base + n - lineStart > maxLine) throw this.longLineError(line, column);
        if (!final) {
          this.carry(buf, base, fieldStart);
          break;
        }
        if (!(column === 0 && isBlank(buf, fieldStart, n))) {
          sink.field(column, buf, fieldStart, n, fieldLine);
          if (!sink.record(column + 1, recordLine)) this.stopped = true;
        }
        column = 0;
        break;
      }
      if (c === 0) throw this.nulError(line, column);
      if (c === d) {
        if (!stored) sink.field(column, buf, fieldStart, j, fieldLine);
        column++;
        i = j + 1;
        continue;
      }
      if (base + j - lineStart > maxLine) throw this.longLineError(line, column);
      if (stored || !(column === 0 && isBlank(buf, fieldStart, j))) {
        if (!stored) sink.field(column, buf, fieldStart, j, fieldLine);
        if (!sink.record(column + 1, recordLine)) {
          this.stopped = true;
          break;
        }
      }
      column = 0;
      i = this.newline(buf, j, n);
      line++;
      lineStart = base + i;
    }
    Object.assign(this, { line, lineStart, recordLine, column });
  }

  /** Steps past the line break at j (CR, LF or CRLF); a CR ending the chunk may pair with the next chunk's LF. */
  private newline(buf: Uint8Array, j: number, n: number): number {
    if (buf[j] !== CR) return j + 1;
    if (j + 1 < n) return buf[j + 1] === LF ? j + 2 : j + 1;
    this.afterCR = true;
    return j + 1;
  }

  private carry(buf: Uint8Array, base: number, from: number): void {
    this.pending = buf.slice(from);
    this.pendingAt = base + from;
  }

  private emitUnescaped(column: number, buf: Uint8Array, start: number, end: number, line: number): void {
    if (this.scratch.length < end - start) this.scratch = new Uint8Array(Math.max(end - start, this.scratch.length * 2));
    const out = this.scratch;
    let k = 0;
    for (let i = start; i < end; i++) {
      out[k++] = buf[i];
      if (buf[i] === QUOTE) i++;
    }
    this.sink.field(column, out, 0, k, line);
  }

  private nulError(line: number, column: number): CsvError {
    return new CsvError({ line, column: column + 1 }, 'NUL byte (0x00); this looks like a binary file or UTF-16 text, not a UTF-8 CSV');
  }

  private longLineError(line: number, column: number): CsvError {
    return new CsvError({ line, column: column + 1 }, `the line is longer than the ${formatSize(this.limits.maxLineBytes)} limit`);
  }
}

function isBlank(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i] !== SPACE && buf[i] !== TAB) return false;
  return true;
}

function printable(c: number): string {
  return c >= 32 && c < 127 ? String.fromCharCode(c) : `0x${c.toString(16).padStart(2, '0')}`;
}
