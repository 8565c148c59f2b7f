import { describe, expect, it } from 'vitest';
import { decodeCell, invalidUtf8At } from './text-bytes';

const at = (bytes: number[]) => invalidUtf8At(new Uint8Array(bytes), 0, bytes.length);

describe('invalidUtf8At', () => {
  it('accepts valid UTF-8 of every length', () => {
    const bytes = [...new TextEncoder().encode('aé€𝄞')];
    expect(at(bytes)).toBe(-1);
  });

  it('finds lone continuations, bad leads, truncations, overlongs and surrogates', () => {
    expect(at([0x61, 0x80])).toBe(1);
    expect(at([0x61, 0xe9, 0x61])).toBe(1);
    expect(at([0xe2, 0x82])).toBe(0);
    expect(at([0xc0, 0xaf])).toBe(0);
    expect(at([0xe0, 0x80, 0xaf])).toBe(0);
    expect(at([0xed, 0xa0, 0x80])).toBe(0);
    expect(at([0xf4, 0x90, 0x80, 0x80])).toBe(0);
    expect(at([0xff])).toBe(0);
  });
});

describe('decodeCell', () => {
  it('decodes ASCII, UTF-8 and Windows-1252', () => {
    const utf8 = new TextEncoder().encode('x Crème');
    expect(decodeCell(utf8, 2, utf8.length, 'utf-8')).toBe('Crème');
    expect(decodeCell(new Uint8Array([0x80, 0x20, 0xe9, 0x9c]), 0, 4, 'windows-1252')).toBe('€ éœ');
  });
});
