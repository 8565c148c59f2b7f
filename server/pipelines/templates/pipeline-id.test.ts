import { describe, expect, it } from 'vitest';
import { slugFromName, uniquePipelineId } from './pipeline-id';

describe('slugFromName', () => {
  it('lowercases, drops accents and turns everything else into single hyphens', () => {
    expect(slugFromName('Customer churn')).toBe('customer-churn');
    expect(slugFromName('  Prévision   des ventes (v2)! ')).toBe('prevision-des-ventes-v2');
    expect(slugFromName('a_b.c')).toBe('a-b-c');
  });

  it('falls back to "pipeline" when nothing usable is left, and stays within the id length', () => {
    expect(slugFromName('—?!')).toBe('pipeline');
    expect(slugFromName('日本語')).toBe('pipeline');
    const long = slugFromName('x'.repeat(55) + ' tail');
    expect(long).toBe('x'.repeat(55));
    expect(long.length).toBeLessThanOrEqual(56);
  });
});

describe('uniquePipelineId', () => {
  it('keeps the slug when free and numbers it from 2 when taken', () => {
    const taken = new Set(['churn', 'churn-2']);
    expect(uniquePipelineId('Fraud', (id) => taken.has(id))).toBe('fraud');
    expect(uniquePipelineId('Churn', (id) => taken.has(id))).toBe('churn-3');
  });
});
