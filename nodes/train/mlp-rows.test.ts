import { describe, expect, it } from 'vitest';
import { outputUnits, takeBatch, targetScale, toMlpRows } from './mlp-rows';

const X = { rows: 3, cols: 2, data: Float64Array.from([1, 2, 3, 4, 5, 6]) };

describe('mlp rows', () => {
  it('encodes binary targets as one 0/1 column and keeps class weights', () => {
    const target = { kind: 'classification' as const, classes: 2, y: Int32Array.from([1, 0, 1]), sampleWeight: Float64Array.from([2, 1, 2]) };
    const rows = toMlpRows(X, target, undefined);
    expect(outputUnits(target)).toBe(1);
    expect(Array.from(rows.y)).toEqual([1, 0, 1]);
    expect(Array.from(rows.w!)).toEqual([2, 1, 2]);
    expect(Array.from(rows.x)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('one-hot encodes three or more classes', () => {
    const rows = toMlpRows(X, { kind: 'classification', classes: 3, y: Int32Array.from([2, 0, 1]) }, undefined);
    expect(rows.outputs).toBe(3);
    expect(Array.from(rows.y)).toEqual([0, 0, 1, 1, 0, 0, 0, 1, 0]);
    expect(rows.w).toBeUndefined();
  });

  it('standardises a regression target with its training mean and std', () => {
    const target = { kind: 'regression' as const, y: Float64Array.from([10, 20, 30]) };
    const scale = targetScale(target)!;
    expect(scale.mean).toBe(20);
    expect(scale.std).toBeCloseTo(Math.sqrt(200 / 3), 12);
    const rows = toMlpRows(X, target, scale);
    expect(rows.y[0]).toBeCloseTo(-10 / scale.std, 6);
    expect(rows.y[1]).toBe(0);
    expect(targetScale({ kind: 'regression', y: Float64Array.from([5, 5]) })).toEqual({ mean: 5, std: 1 });
  });

  it('cuts a batch in the given order, with [Xᵀ; 1] beside X', () => {
    const rows = toMlpRows(X, { kind: 'classification', classes: 2, y: Int32Array.from([0, 1, 0]) }, undefined);
    const b = takeBatch(rows, Int32Array.from([2, 0, 1]), 0, 2);
    expect(Array.from(b.x)).toEqual([5, 6, 1, 2]);
    expect(Array.from(b.xaT!)).toEqual([5, 1, 6, 2, 1, 1]);
    expect(Array.from(b.y)).toEqual([0, 0]);
    const last = takeBatch(rows, Int32Array.from([2, 0, 1]), 2, 1);
    expect(Array.from(last.x)).toEqual([3, 4]);
    expect(Array.from(last.y)).toEqual([1]);
    const noTranspose = takeBatch(rows, Int32Array.from([2, 0, 1]), 0, 2, false);
    expect(noTranspose.xaT).toBeUndefined();
    expect(Array.from(noTranspose.x)).toEqual([5, 6, 1, 2]);
  });
});
