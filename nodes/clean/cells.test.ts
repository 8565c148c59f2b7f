import { describe, expect, it } from 'vitest';
import { formatCell, isMissingCell, rowNumbers } from './cells';

describe('cells', () => {
  it('treats null and NaN as missing, and nothing else', () => {
    expect([null, undefined, Number.NaN].every(isMissingCell)).toBe(true);
    expect([0, '', false, Number.POSITIVE_INFINITY].some(isMissingCell)).toBe(false);
  });

  it('formats cells for messages', () => {
    expect(formatCell('a "b"', 'text')).toBe('"a \\"b\\""');
    expect(formatCell(Date.UTC(2024, 1, 3), 'datetime')).toBe('2024-02-03T00:00:00.000Z');
    expect(formatCell(2.5, 'numeric')).toBe('2.5');
    expect(formatCell(null, 'boolean')).toBe('(missing)');
  });

  it('numbers rows from 1 and keeps the first few', () => {
    expect(rowNumbers([0, 4, 9, 10, 11, 12, 13])).toEqual([1, 5, 10, 11, 12]);
    expect(rowNumbers([3], 5)).toEqual([4]);
  });
});
