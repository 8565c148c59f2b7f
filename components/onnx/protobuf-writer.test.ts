import { describe, expect, it } from 'vitest';
import { bytesField, floatField, stringField, varint, varintField } from './protobuf-writer';

describe('protobuf writer', () => {
  it('writes varints little-end first, seven bits a byte', () => {
    expect([...varint(0)]).toEqual([0]);
    expect([...varint(1)]).toEqual([1]);
    expect([...varint(300)]).toEqual([0xac, 0x02]);
    expect([...varint(2 ** 35)]).toEqual([0x80, 0x80, 0x80, 0x80, 0x80, 0x01]);
  });

  it('writes a negative int64 as ten bytes of two’s complement', () => {
    expect([...varint(-1)]).toEqual([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
  });

  it('tags fields with number and wire type', () => {
    expect([...varintField(1, 8)]).toEqual([0x08, 0x08]);
    expect([...stringField(2, 'hi')]).toEqual([0x12, 2, 0x68, 0x69]);
    expect([...bytesField(14, Uint8Array.of(1, 2))]).toEqual([0x72, 2, 1, 2]);
    expect([...floatField(2, 1)]).toEqual([0x15, 0x00, 0x00, 0x80, 0x3f]);
  });
});
