// A table transform written by a data scientist: a function over column batches, run in the
// runner's sandbox. Its code is a param, so it is versioned with the pipeline; its sha256 is the
// step's code hash, so an edit re-runs this step and what depends on it.
import { z } from 'zod';
import { defineNode } from '../define-node';
import { tableInput } from '../port-inputs';
import { columnsForCode } from './code-columns';
import { tableFromCode } from './code-output';
import { codeParam, codeSha256, languageParam, limitParams, limitsOf, outputColumnsParam } from './code-params';
import { runCode } from './run-code';

export const TRANSFORM_EXAMPLE = '(cols, schema) => ({ ...cols })';

const params = z.object({
  language: languageParam,
  code: codeParam(
    TRANSFORM_EXAMPLE,
    'Called as (cols, schema): cols maps each column name to a Float64Array (numbers and datetimes in epoch ms, NaN missing) or an array of strings or booleans (null missing); schema lists { name, type, role }. Return an object of equally long columns.',
  ),
  outputColumns: outputColumnsParam,
  ...limitParams,
});

export const codeTransformNode = defineNode({
  type: 'code/transform',
  version: 1,
  title: 'Code: transform table',
  category: 'code',
  description:
    'Runs your JavaScript or TypeScript over the table, column by column, in a sandbox with no network, files or timers ' +
    '(isolated-vm in a separate process on the server; a Web Worker in a null-origin frame in the browser). Returned columns keep the type and role of a same-named ' +
    'input column; new ones are numeric, categorical or boolean from their values, unless output columns are declared.',
  inputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  outputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  params,
  runsOn: ['server', 'browser'],
  deterministic: true,
  codeParams: ['code'],
  codeHash: (p) => codeSha256(p.code),
  outputColumns: (p) => ({ table: p.outputColumns ?? null }),
  async run({ inputs, params: p, ctx }) {
    const input = tableInput(inputs, 'table');
    const value = await runCode(ctx, { code: p.code, language: p.language }, [columnsForCode(input), input.columns.map((c) => ({ ...c }))], limitsOf(p));
    const table = tableFromCode(value, input.columns, p.outputColumns);
    ctx.log('info', `The code returned ${table.table.numRows} rows and ${table.columns.length} columns`);
    return { table };
  },
});
