import { describe, expect, it } from 'vitest';
import { inferColumnType, isMissing, parseCells, parseDatetime } from './infer-column-type';

describe('inferColumnType', () => {
  it('finds numbers, ignoring missing tokens', () => {
    expect(inferColumnType(['1', '2.5', '-3e2', '.5', '', 'NA', 'NaN'])).toBe('numeric');
  });

  it('does not take near-numbers for numbers', () => {
    expect(inferColumnType(['1', '2', '3 apples', '4'])).not.toBe('numeric');
    expect(inferColumnType(['0x10', '1', '2', '0x10'])).not.toBe('numeric');
  });

  it('finds booleans in any case', () => {
    expect(inferColumnType(['true', 'FALSE', 'True', ''])).toBe('boolean');
  });

  it('finds ISO dates and datetimes', () => {
    expect(inferColumnType(['2024-01-31', '2024-02-01T10:00:00Z', '2024-02-02 10:00'])).toBe('datetime');
    expect(inferColumnType(['2024-02-30'])).not.toBe('datetime');
  });

  it('tells categorical (values repeat) from text (mostly unique)', () => {
    expect(inferColumnType(['a', 'b', 'a', 'b', 'a', 'c'])).toBe('categorical');
    expect(inferColumnType(['alpha one', 'beta two', 'gamma three', 'delta four'])).toBe('text');
    const many = Array.from({ length: 1000 }, (_, i) => `v${i % 60}`);
    expect(inferColumnType(many)).toBe('text');
  });

  it('calls an all-missing column text', () => {
    expect(inferColumnType(['', 'NA'])).toBe('text');
  });
});

describe('parseCells', () => {
  it('converts numbers and marks missing cells null', () => {
    expect(parseCells('numeric', ['1.5', ' 2 ', 'NA', ''])).toEqual({ cells: [1.5, 2, null, null], badIndex: null });
  });

  it('reports the first cell that does not fit the type', () => {
    expect(parseCells('numeric', ['1', 'x', 'y']).badIndex).toBe(1);
    expect(parseCells('boolean', ['true', 'yes']).badIndex).toBe(1);
  });

  it('reads booleans and keeps categorical text as is (trimmed)', () => {
    expect(parseCells('boolean', ['TRUE', 'false']).cells).toEqual([true, false]);
    expect(parseCells('categorical', [' a ', 'b']).cells).toEqual(['a', 'b']);
  });
});

describe('parseDatetime', () => {
  it('reads a zoneless time as UTC, whatever the machine zone', () => {
    expect(parseDatetime('2024-03-01 12:30')).toBe(Date.UTC(2024, 2, 1, 12, 30));
    expect(parseDatetime('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
  });

  it('honours an explicit offset, with or without a colon', () => {
    expect(parseDatetime('2024-03-01T12:00:00+0200')).toBe(Date.UTC(2024, 2, 1, 10));
    expect(parseDatetime('2024-03-01T12:00:00-01:30')).toBe(Date.UTC(2024, 2, 1, 13, 30));
  });

  it('rejects impossible dates and other formats', () => {
    expect(parseDatetime('2023-02-29')).toBeNaN();
    expect(parseDatetime('01/02/2024')).toBeNaN();
  });
});

describe('isMissing', () => {
  it('knows the common missing tokens', () => {
    for (const token of ['', ' ', 'NA', 'n/a', 'NaN', 'null', 'None', '?']) expect(isMissing(token)).toBe(true);
    expect(isMissing('0')).toBe(false);
  });
});
