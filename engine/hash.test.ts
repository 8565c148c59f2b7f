import { describe, expect, it } from 'vitest';
import { bytesToHex, sha256Hex } from './hash';

describe('sha256Hex', () => {
  it('matches the published test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes strings as UTF-8, the same as their bytes', () => {
    expect(sha256Hex('héllo')).toBe(sha256Hex(new TextEncoder().encode('héllo')));
  });
});

describe('bytesToHex', () => {
  it('writes lower-case, zero-padded hex', () => {
    expect(bytesToHex(new Uint8Array([0, 15, 255]))).toBe('000fff');
  });
});
