import { describe, expect, it } from 'vitest';
import { columnChoices, columnHint, matchesFilter, withChoice, withChoices } from './column-picker-choices';

const COLUMNS = [
  { name: 'amount', type: 'numeric', role: 'feature' },
  { name: 'label', type: 'categorical', role: 'target' },
];

describe('column choices', () => {
  it('lists a chosen name the input lacks first, flagged, then the input in order', () => {
    const choices = columnChoices(COLUMNS, ['label', 'gone', 'gone']);
    expect(choices.map((c) => [c.name, c.inInput])).toEqual([
      ['gone', false],
      ['amount', true],
      ['label', true],
    ]);
    expect(choices.map(columnHint)).toEqual(['not in the input', 'numeric', 'categorical, target']);
  });

  it('filters on name, type and role, case-insensitively', () => {
    const choices = columnChoices(COLUMNS, []);
    expect(choices.filter((c) => matchesFilter(c, 'TARGET')).map((c) => c.name)).toEqual(['label']);
    expect(choices.filter((c) => matchesFilter(c, 'num')).map((c) => c.name)).toEqual(['amount']);
    expect(choices.filter((c) => matchesFilter(c, '  ')).length).toBe(2);
  });

  it('adds a checked column at the end and keeps the order of the rest', () => {
    expect(withChoice(['b', 'a'], 'c', true)).toEqual(['b', 'a', 'c']);
    expect(withChoice(['b', 'a'], 'a', true)).toEqual(['b', 'a']);
    expect(withChoice(['b', 'a', 'c'], 'a', false)).toEqual(['b', 'c']);
    expect(withChoices(['x'], ['a', 'x', 'b'], true)).toEqual(['x', 'a', 'b']);
    expect(withChoices(['x', 'a', 'y'], ['a', 'x'], false)).toEqual(['y']);
  });
});
