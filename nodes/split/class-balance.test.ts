import { describe, expect, it } from 'vitest';
import { classBalance, formatBalance } from './class-balance';

describe('classBalance', () => {
  const values = ['a', 'b', 'a', null, 'b', 'a'];

  it('counts only the given rows, most frequent first', () => {
    expect(classBalance(values, [0, 1, 2, 3])).toEqual([
      { value: 'a', count: 2 },
      { value: '(missing)', count: 1 },
      { value: 'b', count: 1 },
    ]);
  });

  it('formats percentages and an empty side', () => {
    expect(formatBalance(classBalance(values, [0, 1, 2]))).toBe('a 2 (66.7%), b 1 (33.3%)');
    expect(formatBalance(classBalance(values, []))).toBe('no rows');
  });
});
