import { describe, expect, it } from 'vitest';
import { ALERT_OPERATORS, breaks } from './alert-operators';

describe('breaks', () => {
  it('judges each operator', () => {
    expect([breaks('>', 1, 1), breaks('>=', 1, 1), breaks('<', 0.5, 1), breaks('<=', 2, 1)]).toEqual([false, true, true, false]);
    expect([breaks('>', 2, 1), breaks('>=', 0, 1), breaks('<', 1, 1), breaks('<=', 1, 1)]).toEqual([true, false, false, true]);
  });

  it('refuses an operator outside the list', () => {
    expect(ALERT_OPERATORS).toEqual(['>', '>=', '<', '<=']);
    expect(() => breaks('==' as never, 1, 1)).toThrow('Unhandled operator: "=="');
  });
});
