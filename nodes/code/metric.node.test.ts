import { describe, expect, it } from 'vitest';
import { metricsOf } from './metric.node';

describe('metricsOf', () => {
  it('takes an object of named finite numbers', () => {
    expect(metricsOf({ profit: 12.5, rows: 3 })).toEqual({ profit: 12.5, rows: 3 });
  });

  it('refuses anything else, naming the metric', () => {
    expect(() => metricsOf(3)).toThrow(/object of named numbers/);
    expect(() => metricsOf({})).toThrow(/no metrics/);
    expect(() => metricsOf({ profit: NaN })).toThrow(/"profit" is NaN/);
    expect(() => metricsOf({ profit: 'a lot' })).toThrow(/"profit" is a string/);
  });
});
