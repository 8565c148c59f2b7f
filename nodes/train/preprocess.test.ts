import { describe, expect, it } from 'vitest';
import { canonicalJSON } from '../../engine/canonical-json';
import { UserError } from '../../engine/errors';
import { tableFromColumns, type CellValue } from '../table/table-from-columns';
import type { ColumnInfo, ColumnType } from '../values';
import { DEFAULT_PREPROCESS, type PreprocessOptions } from './preprocess-options';
import { fitPreprocessing, transform } from './preprocess';
import { parsePreprocessing } from './preprocess-state';

const info = (name: string, type: ColumnType): ColumnInfo => ({ name, type, role: 'feature' });
function table(cols: Record<string, [ColumnType, CellValue[]]>) {
  return tableFromColumns(Object.entries(cols).map(([name, [type, values]]) => ({ info: info(name, type), values })));
}
const opts = (o: Partial<PreprocessOptions> = {}): PreprocessOptions => ({ ...DEFAULT_PREPROCESS, ...o });
const column = (m: { rows: number; cols: number; data: Float64Array }, c: number) =>
  Array.from({ length: m.rows }, (_, r) => m.data[r * m.cols + c]);

describe('fitPreprocessing without leakage', () => {
  const train = table({ x: ['numeric', [1, 2, 3, null]], color: ['categorical', ['red', 'blue', 'red', null]] });
  const test = table({ x: ['numeric', [100, null]], color: ['categorical', ['green', null]] });
  const inputs = [info('x', 'numeric'), info('color', 'categorical')];

  it('imputes, scales and encodes the test side with statistics from the training side only', () => {
    const pre = fitPreprocessing(train, inputs, opts());
    // train x after mean imputation: 1, 2, 3, 2 → mean 2, std sqrt(0.5)
    expect(pre.columns[0]).toMatchObject({ fill: 2, offset: 2, missing: 1 });
    expect(pre.columns[0]).toHaveProperty('scale', Math.sqrt(0.5));
    const m = transform(pre, test);
    expect(column(m, 0)).toEqual([98 / Math.sqrt(0.5), 0]); // the missing test value gets the train mean
    expect(pre.features).toEqual(['x', 'color=blue', 'color=red', 'color=__unseen__']);
    // "green" was never seen in training; the missing color is filled with the training mode (red).
    expect(Array.from(m.data.subarray(1, 4))).toEqual([0, 0, 1]);
    expect(Array.from(m.data.subarray(5, 8))).toEqual([0, 1, 0]);
  });

  it('does not change when the test side changes', () => {
    const a = fitPreprocessing(train, inputs, opts());
    const b = fitPreprocessing(train, inputs, opts());
    transform(a, test);
    expect(a).toEqual(b);
    expect(fitPreprocessing(test, inputs, opts())).not.toEqual(a);
  });
});

describe('column handling', () => {
  it('supports median and constant imputation, minmax and no scaling', () => {
    const t = table({ x: ['numeric', [1, 10, 4, null]] });
    expect(fitPreprocessing(t, [info('x', 'numeric')], opts({ numericImpute: 'median' })).columns[0]).toMatchObject({ fill: 4 });
    const minmax = fitPreprocessing(t, [info('x', 'numeric')], opts({ numericImpute: 'constant', numericFill: -2, scale: 'minmax' }));
    expect(minmax.columns[0]).toMatchObject({ fill: -2, offset: -2, scale: 12 });
    expect(column(transform(minmax, t), 0)).toEqual([0.25, 1, 0.5, 0]);
    const raw = fitPreprocessing(t, [info('x', 'numeric')], opts({ scale: 'none' }));
    expect(column(transform(raw, t), 0)).toEqual([1, 10, 4, 5]);
  });

  it('keeps a constant column finite (scale 1)', () => {
    const t = table({ x: ['numeric', [3, 3, 3]] });
    const pre = fitPreprocessing(t, [info('x', 'numeric')], opts());
    expect(column(transform(pre, t), 0)).toEqual([0, 0, 0]);
  });

  it('encodes ordinally with -1 for unseen values, and a constant fill as its own category', () => {
    const t = table({ c: ['text', ['b', 'a', null, 'b']] });
    const pre = fitPreprocessing(t, [info('c', 'text')], opts({ encoding: 'ordinal', categoricalImpute: 'constant' }));
    expect(pre.columns[0]).toMatchObject({ categories: ['__missing__', 'a', 'b'], fill: '__missing__' });
    expect(column(transform(pre, t), 0)).toEqual([2, 1, 0, 2]);
    expect(column(transform(pre, table({ c: ['text', ['zzz', null]] })), 0)).toEqual([-1, 0]);
  });

  it('caps categories; the rare ones fall into the unseen bucket', () => {
    const t = table({ c: ['categorical', ['a', 'a', 'b', 'b', 'c']] });
    const pre = fitPreprocessing(t, [info('c', 'categorical')], opts({ maxCategories: 2 }));
    expect(pre.features).toEqual(['c=a', 'c=b', 'c=__unseen__']);
    expect(Array.from(transform(pre, t).data.subarray(12, 15))).toEqual([0, 0, 1]);
  });

  it('reads booleans as categories and datetimes as epoch days, or drops datetimes', () => {
    const t = table({ ok: ['boolean', [true, false, true]], at: ['datetime', [0, 86_400_000 * 2, 86_400_000]] });
    const inputs = [info('ok', 'boolean'), info('at', 'datetime')];
    const pre = fitPreprocessing(t, inputs, opts({ scale: 'none' }));
    expect(pre.features).toEqual(['ok=false', 'ok=true', 'ok=__unseen__', 'at']);
    expect(column(transform(pre, t), 3)).toEqual([0, 2, 1]);
    const dropped = fitPreprocessing(t, inputs, opts({ datetime: 'drop' }));
    expect(dropped.dropped).toEqual(['at']);
    expect(dropped.features).toEqual(['ok=false', 'ok=true', 'ok=__unseen__']);
  });
});

describe('transform on serving tables', () => {
  const pre = fitPreprocessing(table({ x: ['numeric', [1, 3]] }), [info('x', 'numeric')], opts());

  it('ignores extra columns and reads numbers sent as text', () => {
    const serving = table({ extra: ['text', ['?', '?']], x: ['text', ['3', '']] });
    expect(column(transform(pre, serving), 0)).toEqual([1, 0]);
  });

  it('names a missing column in a UserError', () => {
    const call = () => transform(pre, table({ y: ['numeric', [1]] }));
    expect(call).toThrow(UserError);
    expect(call).toThrow(/"x"/);
  });

  it('names the row of a value that is not a number', () => {
    expect(() => transform(pre, table({ x: ['text', ['1', 'abc']] }))).toThrow(/"x", row 2: "abc"/);
  });

  it('survives canonical JSON and reads back through parsePreprocessing', () => {
    const back = parsePreprocessing(JSON.parse(canonicalJSON(pre)));
    expect(back).toEqual(pre);
    expect(() => parsePreprocessing({ version: 2 })).toThrow(UserError);
  });
});
