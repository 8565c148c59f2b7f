import { describe, expect, it } from 'vitest';
import { parseNumber } from './parse-number';

const bytes = (s: string) => new TextEncoder().encode(s);
const parse = (s: string) => parseNumber(bytes(s), 0, bytes(s).length);

describe('parseNumber', () => {
  it('agrees with Number() on decimal literals, bit for bit', () => {
    const samples = ['0', '-0', '+7', '1.5', '-2.25', '.5', '5.', '007', '1e3', '1E-3', '-1.234567e+10', '123456789012345',
      '1234567890123456789', '0.1', '0.3', '9007199254740993', '1e22', '1e23', '2.2250738585072014e-308', '1e-400', '1e400',
      '3.141592653589793238', '0.000001', '123.456000'];
    for (const s of samples) expect(Object.is(parse(s), Number(s)), s).toBe(true);
  });

  it('matches Number() on random values printed with up to 17 digits', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 5000; k++) {
      const value = (random() - 0.5) * 10 ** Math.floor(random() * 40 - 20);
      for (const s of [String(value), value.toFixed(6), value.toPrecision(1 + (k % 17))]) {
        expect(Object.is(parse(s), Number(s)), s).toBe(true);
      }
    }
  });

  it('refuses what is not a plain decimal number', () => {
    for (const s of ['', '-', '+', '.', 'e5', '1e', '1e+', '1.2.3', '1,5', 'NaN', 'Infinity', '0x10', '1 2', '12a', '--1', '1_000']) {
      expect(parse(s), s).toBeNaN();
    }
  });

  it('reads a slice of a larger buffer', () => {
    const b = bytes('ab,-12.5,cd');
    expect(parseNumber(b, 3, 8)).toBe(-12.5);
  });
});
