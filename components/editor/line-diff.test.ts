import { describe, expect, it } from 'vitest';
import { lineDiff } from './line-diff';

const shown = (before: string, after: string) => lineDiff(before, after).map((l) => `${l.kind === 'same' ? ' ' : l.kind === 'added' ? '+' : '-'}${l.text}`);

describe('lineDiff', () => {
  it('marks the lines removed and added, keeping the unchanged ones in order', () => {
    const before = '(cols) => {\n  const k = 2;\n  return cols;\n}';
    const after = '(cols) => {\n  const k = 3;\n  console.log(k);\n  return cols;\n}';
    expect(shown(before, after)).toEqual([' (cols) => {', '-  const k = 2;', '+  const k = 3;', '+  console.log(k);', '   return cols;', ' }']);
  });

  it('gives every line as added for new code, as removed for deleted code, and none changed for equal code', () => {
    expect(shown('', 'a\nb')).toEqual(['+a', '+b']);
    expect(shown('a\nb', '')).toEqual(['-a', '-b']);
    expect(shown('a\nb', 'a\nb')).toEqual([' a', ' b']);
  });

  it('finds the longest run of unchanged lines between changes', () => {
    expect(shown('a\nb\nc\nd', 'b\nx\nd\ne')).toEqual(['-a', ' b', '-c', '+x', ' d', '+e']);
  });
});
