// Arrow validity bits (1 = present), allocated only once a column has its first missing cell.
export class Validity {
  private bits: Uint8Array | null = null;
  nulls = 0;

  setNull(row: number): void {
    const byte = row >> 3;
    if (!this.bits || byte >= this.bits.length) this.grow(byte + 1);
    this.bits![byte] &= ~(1 << (row & 7));
    this.nulls++;
  }

  isNull(row: number): boolean {
    const bits = this.bits;
    if (!bits || row >> 3 >= bits.length) return false;
    return (bits[row >> 3] & (1 << (row & 7))) === 0;
  }

  /**
   * ceil(length / 8) bytes of bits, unused bits cleared, zero-padded to a multiple of 64 bytes as
   * Arrow's own builders do, so a table read here encodes to the same bytes as one built by
   * vectorFromArray. Undefined without nulls.
   */
  finish(length: number): Uint8Array | undefined {
    if (this.nulls === 0) return undefined;
    const size = Math.ceil(length / 8);
    const out = new Uint8Array(Math.ceil(size / 64) * 64);
    out.fill(0xff, 0, size);
    out.set(this.bits!.subarray(0, Math.min(size, this.bits!.length)));
    if (length % 8 !== 0) out[size - 1] &= (1 << (length % 8)) - 1;
    return out;
  }

  private grow(minBytes: number): void {
    const next = new Uint8Array(Math.max(minBytes, Math.ceil((this.bits?.length ?? 64) * 1.5))).fill(0xff);
    if (this.bits) next.set(this.bits);
    this.bits = next;
  }
}

/** Appends to a typed array that grows by half when full. */
export function grown<T extends Float64Array | Int32Array | Uint8Array>(array: T, minLength: number): T {
  const next = new (array.constructor as new (n: number) => T)(Math.max(minLength, Math.ceil(array.length * 1.5) + 16));
  next.set(array);
  return next;
}
