import { describe, expect, it } from 'vitest';
import { cellText, columnWidth, MAX_COLUMN_PX, MIN_COLUMN_PX, pagesFor } from './table-cells';

describe('table cells', () => {
  it('shows missing as empty, numbers formatted, objects as JSON', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(1234)).toBe((1234).toLocaleString());
    expect(cellText({ a: 1 })).toBe('{"a":1}');
    expect(cellText(true)).toBe('true');
  });

  it('sizes a column to its name and values, within bounds', () => {
    const col = (name: string) => ({ name, type: 'text', role: 'id' });
    expect(columnWidth({ name: 'id', type: 'text', role: '' }, [1, 2])).toBe(MIN_COLUMN_PX);
    expect(columnWidth(col('mean_radius'), [])).toBe(11 * 7 + 22);
    expect(columnWidth(col('x'), ['a'.repeat(500)])).toBe(MAX_COLUMN_PX);
    // The type and role chips fit under a short name.
    expect(columnWidth({ name: 'x', type: 'categorical', role: 'feature' }, [])).toBe(18 * 6.2 + 44);
  });

  it('names the pages that hold a range of rows', () => {
    expect(pagesFor(0, 12, 50)).toEqual([0]);
    expect(pagesFor(45, 60, 50)).toEqual([0, 1]);
    expect(pagesFor(120, 260, 40)).toEqual([3, 4, 5, 6]);
    expect(pagesFor(5, 4, 50)).toEqual([]);
  });
});
