import { describe, expect, it } from 'vitest';
import { groupSplit } from './group-split';

const fractions = { train: 0.6, validation: 0.2, test: 0.2 };
// Customers with uneven numbers of rows (squares mod 47 repeat unevenly), rows interleaved.
const groups = Array.from({ length: 150 }, (_, i) => `cust-${(i * i) % 47}`);

function sideOf(split: ReturnType<typeof groupSplit>) {
  const side = new Map<number, string>();
  for (const [name, rows] of Object.entries(split)) for (const r of rows) side.set(r, name);
  return side;
}

describe('groupSplit', () => {
  it('puts every row of a group on the same side and covers all rows once', () => {
    const split = groupSplit(groups, fractions, 1);
    const side = sideOf(split);
    expect(side.size).toBe(150);
    const sidesOfGroup = new Map<string, Set<string>>();
    groups.forEach((g, r) => sidesOfGroup.set(g, (sidesOfGroup.get(g) ?? new Set()).add(side.get(r)!)));
    for (const sides of sidesOfGroup.values()) expect(sides.size).toBe(1);
  });

  it('sizes the sides by group counts, as GroupShuffleSplit does', () => {
    const uneven = [...Array(10).fill('big'), 'a', 'b', 'c', 'd'];
    const split = groupSplit(uneven, { train: 0.5, validation: 0, test: 0.5 }, 3);
    const groupsIn = (rows: Int32Array) => new Set(Array.from(rows, (r) => uneven[r])).size;
    expect(groupsIn(split.test)).toBe(3); // ceil(0.5 × 5 groups)
    expect(groupsIn(split.train)).toBe(2);
  });

  it('is the same for the same seed, whatever the row order of the groups, and differs for another seed', () => {
    const a = groupSplit(groups, fractions, 42);
    expect(groupSplit(groups, fractions, 42)).toEqual(a);
    expect(groupSplit(groups, fractions, 43).test).not.toEqual(a.test);
    // The groups that land in test depend on the data's groups, not on where their rows sit.
    const reversed = [...groups].reverse();
    const testGroups = (g: string[], s: ReturnType<typeof groupSplit>) => new Set(Array.from(s.test, (r) => g[r]));
    expect(testGroups(reversed, groupSplit(reversed, fractions, 42))).toEqual(testGroups(groups, a));
  });

  it('keeps each side in row order and treats missing as one group', () => {
    const withMissing = [null, 'x', null, 'y', undefined, 'z'];
    const split = groupSplit(withMissing, { train: 0.5, validation: 0, test: 0.5 }, 0);
    const side = sideOf(split);
    expect(new Set([side.get(0), side.get(2), side.get(4)]).size).toBe(1);
    for (const rows of [split.train, split.validation, split.test]) expect(Array.from(rows)).toEqual(Array.from(rows).sort((p, q) => p - q));
  });
});
