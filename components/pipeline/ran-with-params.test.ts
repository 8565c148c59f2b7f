import { describe, expect, it } from 'vitest';
import { ranWithParams } from './ran-with-params';

describe('ranWithParams', () => {
  it("marks the params changed since the run, counting today's defaults", () => {
    const rows = ranWithParams({ C: 1, maxIter: 100, target: 'is_fraud', weights: { a: 1 } }, { C: 0.5, target: 'is_fraud', weights: { a: 1 } }, { maxIter: 100 });
    expect(rows).toEqual([
      { name: 'C', ran: 1, now: 0.5, changed: true },
      { name: 'maxIter', ran: 100, changed: false },
      { name: 'target', ran: 'is_fraud', changed: false },
      { name: 'weights', ran: { a: 1 }, changed: false },
    ]);
  });

  it('reads nothing from a step without recorded params', () => {
    expect(ranWithParams(null, {}, null)).toEqual([]);
    expect(ranWithParams([1], {}, null)).toEqual([]);
  });
});
