// Numeric and datetime cells as float64 (datetimes as epoch milliseconds), nulls in a bitmap.
import { scanNumber, scanNumberUntil } from './parse-number';
import { Validity, grown } from './validity';

export class NumberStore {
  values: Float64Array;
  length = 0;
  readonly validity = new Validity();

  constructor(capacity: number, leadingNulls = 0) {
    this.values = new Float64Array(Math.max(capacity, leadingNulls + 16));
    for (let i = 0; i < leadingNulls; i++) this.pushNull();
  }

  push(value: number): void {
    if (this.length === this.values.length) this.values = grown(this.values, this.length + 1);
    this.values[this.length++] = value;
  }

  /** Parses a number cell straight into the column; false (nothing stored) when it is not one. */
  pushParsed(buf: Uint8Array, start: number, end: number): boolean {
    if (this.length === this.values.length) this.values = grown(this.values, this.length + 1);
    if (!scanNumber(buf, start, end, this.values, this.length)) return false;
    this.length++;
    return true;
  }

  /** Stores the number at buf[start] when a delimiter or line break follows it; its index, else -1. */
  pushField(buf: Uint8Array, start: number, limit: number, delimiter: number): number {
    if (this.length === this.values.length) this.values = grown(this.values, this.length + 1);
    const end = scanNumberUntil(buf, start, limit, this.values, this.length);
    if (end < 0 || end >= limit) return -1;
    const c = buf[end];
    if (c !== delimiter && c !== 10 && c !== 13) return -1;
    this.length++;
    return end;
  }

  pushNull(): void {
    this.validity.setNull(this.length);
    this.push(0);
  }
}

/** Booleans one byte each while reading; packed into bits for Arrow at the end. */
export class BoolStore {
  values: Uint8Array;
  length = 0;
  readonly validity = new Validity();

  constructor(capacity: number, leadingNulls = 0) {
    this.values = new Uint8Array(Math.max(capacity, leadingNulls + 16));
    for (let i = 0; i < leadingNulls; i++) this.pushNull();
  }

  push(value: boolean): void {
    if (this.length === this.values.length) this.values = grown(this.values, this.length + 1);
    this.values[this.length++] = value ? 1 : 0;
  }

  pushNull(): void {
    this.validity.setNull(this.length);
    this.push(false);
  }

  /** Bit-packed, zero-padded to 64 bytes like Arrow's builders (see Validity.finish). */
  packed(): Uint8Array {
    const out = new Uint8Array(Math.ceil(Math.ceil(this.length / 8) / 64) * 64);
    for (let i = 0; i < this.length; i++) if (this.values[i]) out[i >> 3] |= 1 << (i & 7);
    return out;
  }
}
