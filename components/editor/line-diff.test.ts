import { describe, expect, it } from 'vitest';
import { foldUnchanged, lineDiff } from './line-diff';

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

describe('foldUnchanged', () => {
  it('folds long unchanged runs away from the changes, keeping three lines of context', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const after = before.replace('line 10', 'line ten');
    const rows = foldUnchanged(lineDiff(before, after));
    expect(rows[0]).toEqual({ kind: 'skipped', count: 7 });
    expect(rows.filter((r) => r.kind === 'same').map((r) => (r as { text: string }).text)).toEqual(['line 7', 'line 8', 'line 9', 'line 11', 'line 12', 'line 13']);
    expect(rows.at(-1)).toEqual({ kind: 'skipped', count: 6 });
  });
});
