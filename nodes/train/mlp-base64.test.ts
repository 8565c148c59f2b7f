import { describe, expect, it } from 'vitest';
import { base64ToFloat32, float32ToBase64 } from './mlp-base64';

describe('float32 base64', () => {
  it('round-trips every float32 bit pattern it is given, little-endian', () => {
    const values = Float32Array.from([0, -0, 1.5, -3.25e-20, 3.4e38, Infinity, -Infinity, NaN]);
    const back = base64ToFloat32(float32ToBase64(values));
    expect(Array.from(back)).toEqual(Array.from(values));
    expect(Object.is(back[1], -0)).toBe(true);
    expect(float32ToBase64(Float32Array.from([1]))).toBe('AACAPw==');
  });

  it('handles arrays longer than one chunk, and rejects a ragged byte count', () => {
    const big = Float32Array.from({ length: 50_000 }, (_, i) => i * 0.5);
    expect(base64ToFloat32(float32ToBase64(big))).toEqual(big);
    expect(() => base64ToFloat32('AAA=')).toThrow(/multiple of 4/);
  });
});
