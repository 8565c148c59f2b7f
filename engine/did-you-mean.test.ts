import { describe, expect, it } from 'vitest';
import { closestName, didYouMean, editDistance } from './did-you-mean';

describe('editDistance', () => {
  it('counts inserts, deletes, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('sales', 'sales')).toBe(0);
    expect(editDistance('sales', 'sale')).toBe(1);
    expect(editDistance('sales', 'scales')).toBe(1);
    expect(editDistance('sales', 'sabes')).toBe(1);
    expect(editDistance('sales', 'slaes')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('closestName', () => {
  const known = ['customer-churn', 'house-prices', 'iris', 'Sales 2024'];
  it('finds a typo or a different case', () => {
    expect(closestName('custmer-churn', known)).toBe('customer-churn');
    expect(closestName('SALES 2024', known)).toBe('Sales 2024');
    expect(closestName('house_prices', known)).toBe('house-prices');
  });
  it('offers nothing for a name that is merely different', () => {
    expect(closestName('weather', known)).toBeNull();
    expect(closestName('x', known)).toBeNull();
    expect(closestName('anything', [])).toBeNull();
  });
  it('words the suggestion for a message', () => {
    expect(didYouMean('iriss', known)).toBe(' Did you mean "iris"?');
    expect(didYouMean('weather', known)).toBe('');
  });
});
