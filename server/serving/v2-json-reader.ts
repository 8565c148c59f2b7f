// A cursor over a JSON text for the V2 fast decoders (v2-fast-decode.ts, v2-body-layout.ts): the
// few tokens they accept, each validated as read, and BAIL thrown for anything else.
/** Exact powers of ten: m / 10^k is correctly rounded while m < 2^53 and k ≤ 22 (Clinger's fast path). */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

/** Thrown inside the decoders only, to leave them from any depth; never escapes decodeV2Fast. */
export const BAIL = Symbol('bail');

export class Reader {
  at = 0;
  constructor(readonly text: string) {}

  space(): number {
    const t = this.text;
    let i = this.at;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else {
        this.at = i;
        return c; // NaN past the end
      }
    }
  }

  expect(code: number): void {
    if (this.space() !== code) throw BAIL;
    this.at++;
  }

  /** After a member or element: true on a comma, false on the closing bracket (consumed either way). */
  more(close: number): boolean {
    const c = this.space();
    this.at++;
    if (c === COMMA) return true;
    if (c === close) return false;
    throw BAIL;
  }

  /** Whether the next token is the key `"word":` (consumed when it is): no string made to compare. */
  key(word: string): boolean {
    const t = this.text;
    const i = this.at;
    if (t.charCodeAt(i) !== QUOTE || !t.startsWith(word, i + 1) || t.charCodeAt(i + 1 + word.length) !== QUOTE) return false;
    this.at = i + 2 + word.length;
    this.expect(COLON);
    this.space();
    return true;
  }

  /** A string with no escapes, control characters or non-ASCII: anything else goes the generic way. */
  string(): string {
    if (this.space() !== QUOTE) throw BAIL;
    const t = this.text;
    const start = ++this.at;
    let i = start;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === QUOTE) break;
      if (c < 0x20 || c === 0x5c || c >= 0x7f || c !== c) throw BAIL;
      i++;
    }
    this.at = i + 1;
    return t.slice(start, i);
  }

  /** A JSON number, or null; the value JSON.parse would give. Non-finite (1e999) bails. */
  numberOrNull(): number | null {
    const t = this.text;
    let i = this.at;
    let c = t.charCodeAt(i);
    if (c === 0x6e) {
      if (t.startsWith('null', i)) {
        this.at = i + 4;
        return null;
      }
      throw BAIL;
    }
    const start = i;
    const negative = c === MINUS;
    if (negative) c = t.charCodeAt(++i);
    if (c < ZERO || c > NINE) throw BAIL;
    let mantissa = 0;
    let digits = 0;
    if (c === ZERO) {
      c = t.charCodeAt(++i);
      if (c >= ZERO && c <= NINE) throw BAIL; // a leading zero is not JSON
    } else {
      while (c >= ZERO && c <= NINE) {
        mantissa = mantissa * 10 + (c - ZERO);
        digits++;
        c = t.charCodeAt(++i);
      }
    }
    let fraction = 0;
    if (c === DOT) {
      c = t.charCodeAt(++i);
      if (c < ZERO || c > NINE) throw BAIL;
      while (c >= ZERO && c <= NINE) {
        mantissa = mantissa * 10 + (c - ZERO);
        digits++;
        fraction++;
        c = t.charCodeAt(++i);
      }
    }
    let exact = digits <= 15 && fraction <= 22;
    if (c === 0x65 || c === 0x45) {
      exact = false;
      c = t.charCodeAt(++i);
      if (c === 0x2b || c === MINUS) c = t.charCodeAt(++i);
      if (c < ZERO || c > NINE) throw BAIL;
      while (c >= ZERO && c <= NINE) c = t.charCodeAt(++i);
    }
    this.at = i;
    const value = exact ? (negative ? -(mantissa / POW10[fraction]) : mantissa / POW10[fraction]) : Number(t.slice(start, i));
    if (!Number.isFinite(value)) throw BAIL;
    return value;
  }

  /** A non-negative integer written as plain digits. */
  count(): number {
    const value = this.numberOrNull();
    if (value === null || !Number.isInteger(value) || value < 0) throw BAIL;
    return value;
  }
}
