// A row filter written by a data scientist: a function over the table's column batches that says,
// row by row, which rows to keep. Run in the runner's sandbox like code/transform; the columns
// flow through unchanged, so pickers downstream keep seeing them.
import { z } from 'zod';
import type { SandboxValue } from '../../engine/code-sandbox';
import { UserError } from '../../engine/errors';
import { defineNode } from '../define-node';
import { tableInput } from '../port-inputs';
import { takeRows } from '../table/take-rows';
import { columnsForCode } from './code-columns';
import { codeParam, codeSha256, languageParam, limitParams, limitsOf } from './code-params';
import { runCode } from './run-code';

export const FILTER_EXAMPLE = '(cols, schema) => Array.from(cols[schema[0].name], () => true)';

const params = z.object({
  language: languageParam,
  code: codeParam(
    FILTER_EXAMPLE,
    'Called as (cols, schema), as in the code transform; returns an array of booleans, one per row: true keeps the row.',
  ),
  ...limitParams,
});

export const codeFilterRowsNode = defineNode({
  type: 'code/filter-rows',
  version: 1,
  title: 'Code: filter rows',
  category: 'code',
  description:
    'Keeps the rows your JavaScript marks true. The function gets the columns (Float64Array for numbers and ' +
    'datetimes, arrays for the rest) and returns one boolean per row; it runs in the same sandbox as the code transform.',
  inputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  outputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  params,
  runsOn: ['server', 'browser'],
  deterministic: true,
  codeParams: ['code'],
  codeHash: (p) => codeSha256(p.code),
  async run({ inputs, params: p, ctx }) {
    const input = tableInput(inputs, 'table');
    const value = await runCode(ctx, { code: p.code, language: p.language }, [columnsForCode(input), input.columns.map((c) => ({ ...c }))], limitsOf(p));
    const kept = keptRows(value, input.table.numRows);
    ctx.log('info', `Kept ${kept.length} of ${input.table.numRows} rows, removed ${input.table.numRows - kept.length}`);
    return { table: { ...input, table: takeRows(input.table, kept) } };
  },
});

/** The indices of the rows marked true; anything but one boolean per row is refused, naming the row. */
export function keptRows(mask: SandboxValue, rows: number): number[] {
  if (!Array.isArray(mask)) throw new UserError('The filter must return an array of booleans, one per row');
  if (mask.length !== rows) throw new UserError(`The filter returned ${mask.length} values for ${rows} rows; return one boolean per row`);
  const kept: number[] = [];
  for (let i = 0; i < rows; i++) {
    const keep = mask[i];
    if (typeof keep !== 'boolean') throw new UserError(`The filter's value for row ${i + 1} is ${keep === null ? 'null' : `a ${typeof keep}`}, not true or false`);
    if (keep) kept.push(i);
  }
  return kept;
}
