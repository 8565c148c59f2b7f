import { describe, expect, it } from 'vitest';
import { nextEdgeId, nodeIdForCopy, nodeIdForType, uniqueId } from './node-ids';

describe('node ids', () => {
  it('derive from the type and stay unique', () => {
    expect(nodeIdForType('train/logistic-regression', new Set())).toBe('logistic-regression');
    expect(nodeIdForType('train/logistic-regression', new Set(['logistic-regression']))).toBe('logistic-regression-2');
    expect(nodeIdForType('train/logistic-regression', new Set(['logistic-regression', 'logistic-regression-2']))).toBe('logistic-regression-3');
  });

  it('keep to the document id rule', () => {
    expect(nodeIdForType('custom/My Node!', new Set())).toBe('My-Node');
    expect(nodeIdForType('x/' + 'a'.repeat(100), new Set()).length).toBeLessThanOrEqual(64);
    expect(nodeIdForType('x/???', new Set())).toBe('node');
  });

  it('name copies after the original without stacking suffixes', () => {
    expect(nodeIdForCopy('split', new Set(['split']))).toBe('split-2');
    expect(nodeIdForCopy('split-2', new Set(['split', 'split-2']))).toBe('split-3');
  });

  it('number edges past the ones taken', () => {
    expect(nextEdgeId(new Set())).toBe('e1');
    expect(nextEdgeId(new Set(['e1', 'e2']))).toBe('e3');
    expect(nextEdgeId(new Set(['e1', 'e3']))).toBe('e4');
    expect(uniqueId('a', new Set(['a', 'a-2']))).toBe('a-3');
  });
});
