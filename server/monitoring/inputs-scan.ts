// Reads a logged prediction's inputs (the JSON text the prediction log stores, as JSON.stringify
// wrote it) straight into per-feature cells, without JSON.parse: no object, no key string and no
// number string per row. A drift check reads up to a million of these, and JSON.parse made an
// object with 20 properties for each; that was most of an end-to-end check (docs/benchmarks.md).
// Only the exact shape JSON.stringify writes for a flat object of scalars is read here: keys
// without escapes, values that are numbers, strings without escapes, true, false or null. Anything
// else (escapes, nested values, whitespace, text that is not JSON) returns false, and the caller
// parses the row with JSON.parse, so every row gives what JSON.parse would have given.
import { CELL_MISSING, CELL_NUMBER, CELL_OTHER } from '../../nodes/monitor/drift/current-window';

const QUOTE = 34;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
const OPEN = 123;
const CLOSE = 125;
/** Powers of ten that are exact doubles: up to 15 digits times or over one of them rounds once (Clinger). */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

export class InputsScanner {
  /** Per feature, in the order given: CELL_MISSING, CELL_NUMBER (nums) or CELL_OTHER (others). */
  readonly kinds: Uint8Array;
  readonly nums: Float64Array;
  readonly others: unknown[];
  private readonly slotOf = new Map<string, number>();
  /** The keys of the last row read, in text order, and their features: the next row almost always repeats them. */
  private readonly keys: string[] = [];
  private readonly keySlots: number[] = [];
  /** A feature named like an Object.prototype member reads that member when a parsed row lacks it; only JSON.parse gives that. */
  private readonly disabled: boolean;

  constructor(names: readonly string[]) {
    this.kinds = new Uint8Array(names.length);
    this.nums = new Float64Array(names.length);
    this.others = new Array<unknown>(names.length).fill(undefined);
    names.forEach((name, s) => this.slotOf.set(name, s));
    this.disabled = names.some((name) => name in Object.prototype);
  }

  /** Fills kinds, nums and others from one row's inputs text; false when it must be parsed instead. */
  read(text: string): boolean {
    if (this.disabled) return false;
    this.kinds.fill(CELL_MISSING);
    const end = text.length;
    if (text.charCodeAt(0) !== OPEN || text.charCodeAt(end - 1) !== CLOSE || text.indexOf('\\') !== -1) return false;
    let at = 1;
    if (end === 2) return true;
    for (let k = 0; ; k++) {
      // The key: the same as the last row's k-th key, or looked up (and remembered) once.
      if (text.charCodeAt(at) !== QUOTE) return false;
      at++;
      let slot: number;
      const expected = k < this.keys.length ? this.keys[k] : null;
      if (expected !== null && text.startsWith(expected, at) && text.charCodeAt(at + expected.length) === QUOTE) {
        slot = this.keySlots[k];
        at += expected.length + 1;
      } else {
        const close = text.indexOf('"', at);
        if (close === -1) return false;
        const key = text.slice(at, close);
        slot = this.slotOf.get(key) ?? -1;
        this.keys[k] = key;
        this.keySlots[k] = slot;
        at = close + 1;
      }
      if (text.charCodeAt(at) !== COLON) return false;
      at = this.value(text, at + 1, slot);
      if (at === -1) return false;
      const c = text.charCodeAt(at);
      if (c === CLOSE) return at === end - 1;
      if (c !== COMMA) return false;
      at++;
    }
  }

  /** Reads one value at `at` into the feature `slot` (-1: not a feature, skipped); the index after it, or -1. */
  private value(text: string, at: number, slot: number): number {
    const c = text.charCodeAt(at);
    if (c === MINUS || (c >= ZERO && c <= NINE)) return this.number(text, at, slot);
    let value: unknown;
    let next: number;
    if (c === QUOTE) {
      const close = text.indexOf('"', at + 1);
      if (close === -1) return -1;
      next = close + 1;
      if (slot !== -1) value = text.slice(at + 1, close);
    } else if (text.startsWith('null', at)) {
      next = at + 4;
      value = null;
    } else if (text.startsWith('true', at)) {
      next = at + 4;
      value = true;
    } else if (text.startsWith('false', at)) {
      next = at + 5;
      value = false;
    } else {
      return -1;
    }
    if (slot !== -1) {
      this.kinds[slot] = CELL_OTHER;
      this.others[slot] = value;
    }
    return next;
  }

  /**
   * A JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?. Up to 15 significant digits and
   * a power of ten within 10^±22 it is one correctly rounded multiply or divide; longer ones go
   * through Number(), which rounds as JSON.parse does. Written into nums, so no double is boxed.
   */
  private number(text: string, start: number, slot: number): number {
    let at = start;
    const negative = text.charCodeAt(at) === MINUS;
    if (negative) at++;
    const intStart = at;
    let mantissa = 0;
    let c = text.charCodeAt(at);
    while (c >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + (c - ZERO);
      c = text.charCodeAt(++at);
    }
    let digits = at - intStart;
    if (digits === 0 || (digits > 1 && text.charCodeAt(intStart) === ZERO)) return -1;
    let scale = 0;
    if (c === DOT) {
      const fracStart = ++at;
      c = text.charCodeAt(at);
      while (c >= ZERO && c <= NINE) {
        mantissa = mantissa * 10 + (c - ZERO);
        c = text.charCodeAt(++at);
      }
      if (at === fracStart) return -1;
      scale = fracStart - at;
      digits -= scale;
    }
    if (c === 101 || c === 69) {
      c = text.charCodeAt(++at);
      const expNegative = c === MINUS;
      if (expNegative || c === 43) c = text.charCodeAt(++at);
      const expStart = at;
      let exponent = 0;
      while (c >= ZERO && c <= NINE) {
        if (exponent < 100_000) exponent = exponent * 10 + (c - ZERO);
        c = text.charCodeAt(++at);
      }
      if (at === expStart) return -1;
      scale += expNegative ? -exponent : exponent;
    }
    if (slot === -1) return at;
    this.kinds[slot] = CELL_NUMBER;
    // Leading zeros count as digits here, so a long one takes the slow (still exact) way.
    if (digits > 15 || scale > 22 || scale < -22) {
      this.nums[slot] = Number(text.slice(start, at));
    } else {
      const value = scale >= 0 ? mantissa * POW10[scale] : mantissa / POW10[-scale];
      this.nums[slot] = negative ? -value : value;
    }
    return at;
  }
}
