import { describe, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import { decodeValue, encodeValue } from '../codec';
import { inferredAndRun } from '../testing/output-columns-kit';
import { col, runNode, schemaProbe, tableOf } from './test-kit';
import { validateNode, type ValidationReport } from './validate.node';

const n = 20;
const y = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'churn' : 'stay'));
const input = tableOf(
  col('customer', 'text', y.map((_, i) => `c${i}`)),
  col('age', 'numeric', y.map((_, i) => (i === 4 ? null : 20 + i))),
  col('country', 'categorical', y.map(() => 'FR')),
  col('cancelled', 'boolean', y.map((v) => v === 'churn')),
  col('y', 'categorical', y, 'target'),
);

const expectations = [
  { kind: 'not_null', column: 'age' },
  { kind: 'range', column: 'age', min: 18, max: 99 },
  { kind: 'row_count_between', min: 10 },
];

function reportOf(outputs: Awaited<ReturnType<typeof runNode>>['outputs']): ValidationReport {
  if (outputs.report.kind !== 'report') throw new Error('expected a report');
  return outputs.report.report as ValidationReport;
}

describe('clean/validate', () => {
  it('reports each expectation and the data warnings, and passes the table on', async () => {
    const { outputs, ctx } = await runNode(validateNode, input, { expectations, failOn: 'never' });
    expect(outputs.table).toBe(input);
    const report = reportOf(outputs);
    expect(report).toMatchObject({ type: 'validation', rows: 20, passed: false });
    expect(report.expectations.map((r) => [r.kind, r.passed, r.failingRowNumbers])).toEqual([
      ['not_null', false, [5]],
      ['range', true, []],
      ['row_count_between', true, []],
    ]);
    expect(report.warnings.map((w) => `${w.code}:${w.column}`)).toEqual([
      'id_like:customer',
      'constant:country',
      'possible_leak:cancelled',
    ]);
    expect(report.title).toBe('Validation: 2 of 3 expectations passed, 3 warnings');
    const warned = ctx.logs.filter((l) => l.level === 'warn').map((l) => l.message);
    expect(warned).toContain('Failed: "age" has no missing values — observed {"missing":1}; 1 failing row (first: 5)');
    expect(warned).toContain('Feature "cancelled" alone predicts the target "y" (ROC AUC 1): check it is not a leak');
  });

  it('fails the run when an expectation fails and failOn is error, listing what failed', async () => {
    const failure = runNode(validateNode, input, { expectations });
    await expect(failure).rejects.toBeInstanceOf(UserError);
    await expect(failure).rejects.toThrow(
      'Validation failed: 1 of 3 expectations not met: "age" has no missing values — observed {"missing":1}; 1 failing row (first: 5)',
    );
    await expect(failure).rejects.toMatchObject({ details: { field: 'expectations.0', column: 'age', row: 5 } });
  });

  it('passes when every expectation holds, even with warnings', async () => {
    const { outputs } = await runNode(validateNode, input, { expectations: expectations.slice(1) });
    expect(reportOf(outputs).passed).toBe(true);
  });

  it('flags a single-class target', async () => {
    const single = tableOf(col('x', 'numeric', [1, 2, 3]), col('y', 'boolean', [true, true, null], 'target'));
    const { outputs } = await runNode(validateNode, single, {});
    expect(reportOf(outputs).warnings).toEqual([
      { code: 'single_class', column: 'y', message: 'The target "y" has a single class (true)' },
    ]);
  });

  it('makes a report that survives the codec, with no non-JSON numbers', async () => {
    const odd = tableOf(col('v', 'numeric', [Number.POSITIVE_INFINITY, 1, Number.NEGATIVE_INFINITY]));
    const { outputs } = await runNode(validateNode, odd, {
      expectations: [{ kind: 'range', column: 'v', min: 0, max: 10 }],
      failOn: 'never',
    });
    expect(reportOf(outputs).expectations[0].observed).toEqual({ min: '-Infinity', max: 'Infinity' });
    const report = outputs.report;
    expect(decodeValue('report', encodeValue(report).bytes)).toEqual(report);
  });
});

describe('clean/validate columns before running', () => {
  it('match a run: the table passes through, the report has no columns', async () => {
    const raw = { expectations: [{ kind: 'not_null', column: 'id' }] };
    const { inferred, ran } = await inferredAndRun(validateNode, raw, { table: schemaProbe() });
    expect(inferred).toEqual(ran);
    expect(inferred.report).toBeNull();
  });
});
