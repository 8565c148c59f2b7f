// Text cells. While few distinct values are seen they are kept as a dictionary (the Arrow layout of
// a categorical column); past `maxDistinct` the store switches to plain UTF-8 bytes and offsets.
import { Validity, grown } from './validity';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const EMPTY = new Uint8Array(0);

export class StringStore {
  length = 0;
  readonly validity = new Validity();
  // dictionary mode
  private index: Map<string, number> | null = new Map();
  readonly dictionary: string[] = [];
  private codes: Int32Array;
  // text mode
  private bytes: Uint8Array | null = null;
  private offsets: Int32Array | null = null;
  private used = 0;

  constructor(
    capacity: number,
    /** Infinity keeps the dictionary whatever happens (a column forced to categorical). */
    private readonly maxDistinct: number,
    leadingNulls = 0,
  ) {
    this.codes = new Int32Array(Math.max(capacity, leadingNulls + 16));
    if (maxDistinct <= 0) this.toText();
    for (let i = 0; i < leadingNulls; i++) this.pushNull();
  }

  get isDictionary(): boolean {
    return this.index !== null;
  }

  /** In dictionary mode takes the decoded text; in text mode the UTF-8 bytes are cheaper, so either works. */
  push(text: string | null, utf8: Uint8Array | null): void {
    if (this.index) {
      const key = text ?? decoder.decode(utf8!);
      let code = this.index.get(key);
      if (code === undefined) {
        if (this.dictionary.length >= this.maxDistinct) {
          this.toText();
          this.push(key, utf8);
          return;
        }
        code = this.dictionary.length;
        this.index.set(key, code);
        this.dictionary.push(key);
      }
      if (this.length === this.codes.length) this.codes = grown(this.codes, this.length + 1);
      this.codes[this.length++] = code;
      return;
    }
    this.appendBytes(utf8 ?? encoder.encode(text!));
  }

  pushNull(): void {
    this.validity.setNull(this.length);
    if (this.index) {
      if (this.length === this.codes.length) this.codes = grown(this.codes, this.length + 1);
      this.codes[this.length++] = 0;
    } else {
      this.appendBytes(EMPTY);
    }
  }

  /** Appends every row of `other` after this store's rows. */
  append(other: StringStore): void {
    for (let row = 0; row < other.length; row++) {
      if (other.validity.isNull(row)) this.pushNull();
      else if (other.index) this.push(other.dictionary[other.codes[row]], null);
      else this.push(null, other.bytes!.subarray(other.offsets![row], other.offsets![row + 1]));
    }
  }

  dictionaryCodes(): Int32Array {
    return this.codes.subarray(0, this.length);
  }

  /** Arrow Utf8 buffers; converts a dictionary store first. */
  textBuffers(): { offsets: Int32Array; data: Uint8Array } {
    if (this.index) this.toText();
    return { offsets: this.offsets!.subarray(0, this.length + 1), data: this.bytes!.subarray(0, this.used) };
  }

  private appendBytes(value: Uint8Array): void {
    if (this.used + value.length > this.bytes!.length) this.bytes = grown(this.bytes!, this.used + value.length);
    this.bytes!.set(value, this.used);
    this.used += value.length;
    if (this.length + 2 > this.offsets!.length) this.offsets = grown(this.offsets!, this.length + 2);
    this.offsets![++this.length] = this.used;
  }

  private toText(): void {
    const encoded = this.dictionary.map((s) => encoder.encode(s));
    const rows = this.length;
    this.bytes = new Uint8Array(Math.max(1024, rows * 8));
    this.offsets = new Int32Array(Math.max(this.codes.length, rows) + 2);
    this.used = 0;
    this.length = 0;
    const codes = this.codes;
    this.index = null;
    for (let row = 0; row < rows; row++) {
      this.appendBytes(this.validity.isNull(row) ? EMPTY : encoded[codes[row]]);
    }
    this.codes = new Int32Array(0);
  }
}
