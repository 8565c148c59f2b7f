import { describe, expect, it } from 'vitest';
import { uniqueName } from './unique-name';

describe('uniqueName', () => {
  it('keeps a free name and numbers a taken one from 2', () => {
    expect(uniqueName('Customer churn', new Set())).toBe('Customer churn');
    expect(uniqueName('Customer churn', new Set(['Customer churn', 'Customer churn 2']))).toBe('Customer churn 3');
  });
});
