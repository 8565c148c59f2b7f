import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../split/prng';
import { binaryLabels, dataWarnings } from './data-warnings';
import { col } from './test-kit';

const n = 40;
const prng = mulberry32(1);
const y = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'yes' : 'no'));
const noise = () => Array.from({ length: n }, () => prng.nextInt(5));
const codes = (warnings: ReturnType<typeof dataWarnings>) => warnings.map((w) => `${w.code}:${w.column}`);

describe('dataWarnings', () => {
  it('is quiet for a healthy table', () => {
    expect(dataWarnings([col('x', 'numeric', noise()), col('y', 'categorical', y, 'target')], n)).toEqual([]);
  });

  it('flags a target with a single class', () => {
    const warnings = dataWarnings([col('x', 'numeric', noise()), col('y', 'categorical', y.map(() => 'yes'), 'target')], n);
    expect(warnings).toEqual([{ code: 'single_class', column: 'y', message: 'The target "y" has a single class ("yes")' }]);
  });

  it('flags constant, id-like and non-finite columns, and skips ignored ones', () => {
    const warnings = dataWarnings(
      [
        col('country', 'categorical', y.map(() => 'FR')),
        col('order', 'text', y.map((_, i) => `A-${i}`)),
        col('row', 'numeric', y.map((_, i) => i * 3)),
        col('ratio', 'numeric', y.map((_, i) => (i % 2 ? Number.POSITIVE_INFINITY : null))),
        col('skip', 'categorical', y.map(() => 'same'), 'ignore'),
        col('key', 'text', y.map((_, i) => `k${i}`), 'id'),
        col('y', 'categorical', y, 'target'),
      ],
      n,
    );
    expect(codes(warnings)).toEqual(['constant:country', 'id_like:order', 'id_like:row', 'no_finite_values:ratio']);
    expect(warnings[0].message).toBe('Column "country" is constant: every row is "FR"');
  });

  it('does not call a column of distinct decimals an id, nor one with missing cells constant', () => {
    const decimals = y.map((_, i) => i + 0.5);
    const sparse = y.map((_, i) => (i === 0 ? null : 'a'));
    expect(codes(dataWarnings([col('d', 'numeric', decimals), col('s', 'text', sparse)], n))).toEqual([]);
  });

  it('flags a feature that alone separates a binary target, and not a noisy one', () => {
    const leak = y.map((v, i) => (v === 'yes' ? 100.5 + i : i + 0.5));
    const nearly = y.map((v) => (v === 'yes' ? 'approved' : 'rejected'));
    const warnings = dataWarnings(
      [
        col('score', 'numeric', leak),
        col('status', 'categorical', nearly),
        col('x', 'numeric', noise()),
        col('y', 'categorical', y, 'target'),
      ],
      n,
    );
    expect(codes(warnings)).toEqual(['possible_leak:score', 'possible_leak:status']);
    expect(warnings[0]).toMatchObject({ auc: 1, message: 'Feature "score" alone predicts the target "y" (ROC AUC 1): check it is not a leak' });
  });

  it('flags from ROC AUC 0.99 up, and not below', () => {
    // Negatives score 0..19, positives 100+, except one positive placed below k negatives: AUC = 1 − k/400.
    const scores = (k: number) => y.map((v, i) => (v === 'no' ? (i - 1) / 2 : i === 0 ? 19.5 - k : 100 + i));
    const leaks = (k: number) => codes(dataWarnings([col('s', 'numeric', scores(k)), col('y', 'categorical', y, 'target')], n));
    expect(leaks(4)).toEqual(['possible_leak:s']); // 0.99
    expect(leaks(5)).toEqual([]); // 0.9875
  });

  it('scores an id-like number for leaks too, but not id-like text', () => {
    const ordered = y.map((v, i) => (v === 'yes' ? 1000 + i : i));
    const text = y.map((_, i) => `t${i}`);
    const warnings = dataWarnings([col('n', 'numeric', ordered), col('t', 'text', text), col('y', 'categorical', y, 'target')], n);
    expect(codes(warnings)).toEqual(['id_like:n', 'possible_leak:n', 'id_like:t']);
  });

  it('says nothing about an empty table', () => {
    expect(dataWarnings([col('y', 'categorical', [], 'target')], 0)).toEqual([]);
  });
});

describe('binaryLabels', () => {
  it('marks the later class as positive and keeps missing as null', () => {
    expect(binaryLabels(['no', 'yes', null, 'no'])).toEqual([false, true, null, false]);
    expect(binaryLabels([false, true])).toEqual([false, true]);
    expect(binaryLabels(['a', 'b', 'c'])).toBeUndefined();
  });
});
