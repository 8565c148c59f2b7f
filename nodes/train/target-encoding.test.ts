import { describe, expect, it } from 'vitest';
import type { ColumnInfo, ColumnType } from '../values';
import {
  assertNoMissing,
  balancedWeights,
  encodeClasses,
  indexClasses,
  modelTask,
  resolveTask,
} from './target-encoding';

const target = (type: ColumnType): ColumnInfo => ({ name: 'y', type, role: 'target' });

describe('resolveTask', () => {
  it('makes a numeric target regression and a categorical one classification', () => {
    expect(resolveTask(target('numeric'), ['classification', 'regression'])).toBe('regression');
    expect(resolveTask(target('categorical'), ['classification', 'regression'])).toBe('classification');
    expect(resolveTask(target('boolean'), ['classification'])).toBe('classification');
  });

  it('classifies a numeric target when the estimator only classifies, or when asked to', () => {
    expect(resolveTask(target('numeric'), ['classification'])).toBe('classification');
    expect(resolveTask(target('numeric'), ['classification', 'regression'], 'classification')).toBe('classification');
  });

  it('refuses what cannot work', () => {
    expect(() => resolveTask(target('text'), ['regression'])).toThrow(/needs a numeric target/);
    expect(() => resolveTask(target('text'), ['classification', 'regression'], 'regression')).toThrow(/Regression needs/);
    expect(() => resolveTask(target('datetime'), ['regression'])).toThrow(/datetime/);
    expect(() => resolveTask(target('numeric'), ['regression'], 'classification')).toThrow(/only does regression/);
    expect(() => resolveTask(target('numeric'), ['classification'], 'regression')).toThrow(/only classifies/);
  });
});

describe('encoding classes', () => {
  it('sorts labels in code-unit order and indexes rows', () => {
    const { labels, y } = encodeClasses('y', ['b', 'a', 'B', 'b'], false);
    expect(labels).toEqual(['B', 'a', 'b']);
    expect(Array.from(y)).toEqual([2, 1, 0, 2]);
    expect(Array.from(indexClasses(['a', 'zz', null], labels))).toEqual([1, -1, -1]);
  });

  it('refuses a single class and a numeric target with too many values', () => {
    expect(() => encodeClasses('y', ['a', 'a'], false)).toThrow(/single class \("a"\)/);
    const many = Array.from({ length: 60 }, (_, i) => String(i));
    expect(() => encodeClasses('y', many, true)).toThrow(/looks continuous/);
    expect(encodeClasses('y', many, false).labels).toHaveLength(60);
  });

  it('counts missing target rows and names the first ones', () => {
    expect(() => assertNoMissing('y', ['a', null, 'b', null])).toThrow(/missing in 2 of 4 training rows \(rows 2, 4\)/);
    expect(() => assertNoMissing('y', Float64Array.from([1, NaN]))).toThrow(/missing in 1 of 2/);
    expect(() => assertNoMissing('y', ['a'])).not.toThrow();
  });

  it('balances weights like scikit-learn and names the task', () => {
    expect(Array.from(balancedWeights(Int32Array.from([0, 0, 0, 1]), 2))).toEqual([4 / 6, 4 / 6, 4 / 6, 2]);
    expect(modelTask('classification', 2)).toBe('binary');
    expect(modelTask('classification', 3)).toBe('multiclass');
    expect(modelTask('regression', 0)).toBe('regression');
  });
});
