import { describe, expect, it } from 'vitest';
import { convertCell, convertParam } from './convert-cell';

describe('convertCell', () => {
  it('reads numbers from text, and NA tokens as missing', () => {
    expect(convertCell(' 3.5 ', 'text', 'numeric')).toBe(3.5);
    expect(convertCell('-1e3', 'categorical', 'numeric')).toBe(-1000);
    expect(convertCell('NA', 'text', 'numeric')).toBeNull();
    expect(convertCell('abc', 'text', 'numeric')).toBeUndefined();
    expect(convertCell('1,5', 'text', 'numeric')).toBeUndefined();
  });

  it('reads booleans from words and from 1/0 only', () => {
    expect(['TRUE', 'yes', '1', 'False', 'no', '0'].map((v) => convertCell(v, 'text', 'boolean'))).toEqual([
      true, true, true, false, false, false,
    ]);
    expect(convertCell('maybe', 'text', 'boolean')).toBeUndefined();
    expect(convertCell(1, 'numeric', 'boolean')).toBe(true);
    expect(convertCell(2, 'numeric', 'boolean')).toBeUndefined();
  });

  it('reads ISO datetimes as UTC epoch milliseconds and refuses impossible dates', () => {
    expect(convertCell('2024-01-02', 'text', 'datetime')).toBe(Date.UTC(2024, 0, 2));
    expect(convertCell('2024-01-02T03:04:05+01:00', 'text', 'datetime')).toBe(Date.UTC(2024, 0, 2, 2, 4, 5));
    expect(convertCell('2021-02-30', 'text', 'datetime')).toBeUndefined();
    expect(convertCell(true, 'boolean', 'datetime')).toBeUndefined();
  });

  it('writes datetimes as ISO text and numbers as JS text', () => {
    expect(convertCell(Date.UTC(2024, 0, 2), 'datetime', 'text')).toBe('2024-01-02T00:00:00.000Z');
    expect(convertCell(Date.UTC(2024, 0, 2), 'datetime', 'numeric')).toBe(Date.UTC(2024, 0, 2));
    expect(convertCell(0.5, 'numeric', 'categorical')).toBe('0.5');
    expect(convertCell(false, 'boolean', 'numeric')).toBe(0);
  });

  it('keeps missing as missing, whatever the types', () => {
    expect(convertCell(null, 'text', 'boolean')).toBeNull();
    expect(convertCell(Number.NaN, 'numeric', 'text')).toBeNull();
  });

  it('keeps text as it is between text types', () => {
    expect(convertCell(' NA ', 'text', 'categorical')).toBe(' NA ');
  });
});

describe('convertParam', () => {
  it('converts a form value by its JS type', () => {
    expect(convertParam('7', 'numeric')).toBe(7);
    expect(convertParam(7, 'text')).toBe('7');
    expect(convertParam(true, 'categorical')).toBe('true');
    expect(convertParam('2024-03-01', 'datetime')).toBe(Date.UTC(2024, 2, 1));
    expect(convertParam('soon', 'datetime')).toBeUndefined();
    expect(convertParam(0, 'datetime')).toBeUndefined();
  });
});
