// Checks a table against expectations and for common data problems; passes the table on and can stop the run.
import { z } from 'zod';
import { UserError } from '../../engine/errors';
import { defineNode } from '../define-node';
import { tableInput } from '../port-inputs';
import { readColumn } from '../table/read-column';
import type { CellValue } from '../table/table-from-columns';
import { checkExpectation, type ExpectationResult, type TableView } from './check-expectation';
import { dataWarnings, type DataWarning } from './data-warnings';
import { expectationSchema } from './expectations';

const params = z.object({
  expectations: z
    .array(expectationSchema)
    .default([])
    .describe('What the data must satisfy; each gets a result in the report'),
  failOn: z
    .enum(['error', 'never'])
    .default('error')
    .describe('error: a failed expectation stops the run (a quality gate); never: only report it'),
});

export type ValidationReport = {
  type: 'validation';
  title: string;
  rows: number;
  passed: boolean;
  expectations: ExpectationResult[];
  warnings: DataWarning[];
};

export const validateNode = defineNode({
  type: 'clean/validate',
  version: 1,
  title: 'Validate data',
  category: 'clean',
  description:
    'Checks expectations (not null, range, allowed values, unique, schema, share of missing values, row count) ' +
    'and warns about a one-class target, constant or id-like columns, numbers with no finite value, and a feature ' +
    'that alone predicts a binary target (ROC AUC ≥ 0.99, a likely leak). Passes the table on unchanged; with ' +
    'failOn "error" a failed expectation fails the run.',
  inputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  outputs: [
    { name: 'table', kind: 'table', label: 'Table' },
    { name: 'report', kind: 'report', label: 'Validation report' },
  ],
  params,
  runsOn: ['browser', 'server'],
  deterministic: true,
  async run({ inputs, params: p, ctx }) {
    const input = tableInput(inputs, 'table');
    const rows = input.table.numRows;
    const cache = new Map<string, CellValue[]>();
    const view: TableView = {
      rows,
      columns: input.columns,
      values: (name) => cache.get(name) ?? cache.set(name, readColumn(input.table, name)).get(name)!,
    };
    const results = p.expectations.map((e, i) => checkExpectation(e, view, `expectations.${i}`));
    ctx.signal.throwIfAborted();
    const warnings = dataWarnings(input.columns.map((info) => ({ info, values: view.values(info.name) })), rows);

    const failed = results.filter((r) => !r.passed);
    for (const r of results) ctx.log(r.passed ? 'info' : 'warn', `${r.passed ? 'Passed' : 'Failed'}: ${resultLine(r)}`);
    for (const w of warnings) ctx.log('warn', w.message);
    const title =
      `Validation: ${results.length - failed.length} of ${results.length} expectations passed, ` +
      `${warnings.length} warning${warnings.length === 1 ? '' : 's'}`;
    ctx.log(failed.length === 0 ? 'info' : 'warn', title);
    if (failed.length > 0 && p.failOn === 'error') throw gateError(results);
    const passed = failed.length === 0;
    const report: ValidationReport = { type: 'validation', title, rows, passed, expectations: results, warnings };
    return { table: input, report: { kind: 'report', report } };
  },
});

function resultLine(r: ExpectationResult): string {
  const plural = r.failingRows === 1 ? '' : 's';
  const rows = r.failingRows === 0 ? '' : `; ${r.failingRows} failing row${plural} (first: ${r.failingRowNumbers.join(', ')})`;
  return `${r.description} — observed ${JSON.stringify(r.observed)}${rows}`;
}

function gateError(results: ExpectationResult[]): UserError {
  const failed = results.filter((r) => !r.passed);
  const first = results.findIndex((r) => !r.passed);
  const message =
    `Validation failed: ${failed.length} of ${results.length} expectations not met: ` + failed.map(resultLine).join('; ');
  return new UserError(message, {
    field: `expectations.${first}`,
    ...(results[first].column !== null && { column: results[first].column }),
    ...(results[first].failingRowNumbers.length > 0 && { row: results[first].failingRowNumbers[0] }),
  });
}
