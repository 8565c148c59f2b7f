import { describe, expect, it } from 'vitest';
import type { ExpectationResult } from '../../nodes/clean/check-expectation';
import { failingRowsText, isValidationReport, observedText } from './validation-words';

const result = (kind: ExpectationResult['kind'], observed: ExpectationResult['observed'], failing: number[] = [], count = failing.length): ExpectationResult => ({
  kind,
  description: 'd',
  column: 'c',
  passed: count === 0,
  observed,
  failingRows: count,
  failingRowNumbers: failing,
});

describe('validation words', () => {
  it('recognises a validation report and nothing else', () => {
    expect(isValidationReport({ type: 'validation', title: 't', rows: 3, passed: true, expectations: [], warnings: [] })).toBe(true);
    expect(isValidationReport({ type: 'drift', title: 't' })).toBe(false);
    expect(isValidationReport(null)).toBe(false);
  });

  it('says what each kind of expectation observed', () => {
    expect(observedText(result('not_null', { missing: 1 }))).toBe('1 missing value');
    expect(observedText(result('missing_fraction_at_most', { missingFraction: 0.25, missing: 2 }))).toBe('25% missing (2 cells)');
    expect(observedText(result('range', { min: 3, max: null }))).toBe('observed min 3 · max none');
    expect(observedText(result('allowed_values', { unexpected: ['x', 2] }))).toBe('unexpected values: "x", 2');
    expect(observedText(result('unique', { duplicatedValues: 4 }))).toBe('4 values occurring more than once');
    expect(observedText(result('row_count_between', { rows: 12 }))).toBe('12 rows');
    expect(observedText(result('schema_match', { missing: ['age'], wrongType: [{ name: 'id', expected: 'text', actual: 'numeric' }], extra: [] }))).toBe(
      'missing columns: "age"; wrong types: "id" is numeric, expected text',
    );
    expect(observedText(result('schema_match', { missing: [], wrongType: [], extra: [] }))).toBe('every expected column is there with its type');
  });

  it('names the failing rows, and says when there are more than the report kept', () => {
    expect(failingRowsText(result('not_null', { missing: 0 }))).toBeNull();
    expect(failingRowsText(result('not_null', { missing: 2 }, [3, 9]))).toBe('2 failing rows: 3, 9');
    expect(failingRowsText(result('unique', {}, [1, 2, 3, 4, 5], 40))).toBe('40 failing rows: 1, 2, 3, 4, 5, …');
    expect(failingRowsText(result('missing_fraction_at_most', { missingFraction: 0.01, missing: 1 }, [7]))).toBe('missing in 1 row: 7');
  });
});
