import { describe, expect, it } from 'vitest';
import { keptRows } from './filter-rows.node';

describe('keptRows', () => {
  it('keeps the rows marked true', () => {
    expect(keptRows([true, false, true], 3)).toEqual([0, 2]);
  });

  it('refuses anything but one boolean per row, naming the row', () => {
    expect(() => keptRows({ a: [true] }, 1)).toThrow(/array of booleans/);
    expect(() => keptRows([true], 2)).toThrow(/returned 1 values for 2 rows/);
    expect(() => keptRows([true, 1], 2)).toThrow(/row 2 is a number/);
    expect(() => keptRows([null], 1)).toThrow(/row 1 is null/);
  });
});
