// The few protobuf wire-format pieces the ONNX encoder needs: varints, fixed 32-bit floats and
// length-delimited fields. A message is the concatenation of its fields, so builders return bytes.

const WIRE = { varint: 0, fixed32: 5, bytes: 2 } as const;
type Wire = (typeof WIRE)[keyof typeof WIRE];

const utf8 = new TextEncoder();

/** Varint bytes; negative int64 values take ten bytes (two's complement), as protobuf requires. */
export function varint(value: number | bigint): Uint8Array {
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return Uint8Array.from(out);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const key = (field: number, wire: Wire) => varint((field << 3) | wire);

export function varintField(field: number, value: number | bigint): Uint8Array {
  return concat([key(field, WIRE.varint), varint(value)]);
}

export function bytesField(field: number, bytes: Uint8Array): Uint8Array {
  return concat([key(field, WIRE.bytes), varint(bytes.length), bytes]);
}

export function stringField(field: number, text: string): Uint8Array {
  return bytesField(field, utf8.encode(text));
}

export function floatField(field: number, value: number): Uint8Array {
  const body = new Uint8Array(4);
  new DataView(body.buffer).setFloat32(0, value, true);
  return concat([key(field, WIRE.fixed32), body]);
}
