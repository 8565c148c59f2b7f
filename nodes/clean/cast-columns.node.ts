// Converts columns to other types, counting values that do not convert; too many fail the run.
import { z } from 'zod';
import { COLUMN_PARAM_KEY } from '../../engine/columns';
import { UserError } from '../../engine/errors';
import { defineNode } from '../define-node';
import { tableInput } from '../port-inputs';
import { tableToTable } from '../table/known-columns';
import { COLUMN_TYPES, type ColumnInfo } from '../values';
import { formatCell } from './cells';
import { castColumn, failedFraction } from './cast-column';
import { assertNoRepeats, findColumn } from './column-lookup';
import { readColumns, rebuildTable } from './rebuild-table';

const params = z.object({
  casts: z
    .array(
      z.object({
        column: z.string().min(1).describe('Column to convert').meta({ [COLUMN_PARAM_KEY]: 'table' }),
        type: z.enum(COLUMN_TYPES).describe('New type: numeric, categorical, boolean, datetime (ISO 8601) or text'),
      }),
    )
    .default([])
    .describe('Columns to convert and the type each becomes'),
  maxInvalidFraction: z
    .number()
    .min(0)
    .max(1)
    .default(0)
    .describe('Largest share of a column\'s present values that may fail to convert (they become missing); 0 allows none'),
});

type Cast = z.infer<typeof params>['casts'][number];

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

export const castColumnsNode = defineNode({
  type: 'clean/cast-columns',
  version: 1,
  title: 'Cast columns',
  category: 'clean',
  description:
    'Converts columns to another type. Text becomes numbers (decimal), booleans (true/false/yes/no/1/0) or ' +
    'datetimes (ISO 8601, UTC when no zone); NA tokens become missing. Values that do not convert become ' +
    'missing and are counted per column; more than maxInvalidFraction of them fails the run.',
  inputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  outputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  params,
  runsOn: ['browser', 'server'],
  deterministic: true,
  // Values that fail to convert fail the run, not the schema: when it succeeds, these are its columns.
  outputColumns: (p, inputs) => tableToTable(inputs, (columns) => castSchema(columns, p.casts)),
  async run({ inputs, params: p, ctx }) {
    const input = tableInput(inputs, 'table');
    checkCasts(input.columns, p.casts);
    const columns = readColumns(input);
    for (const [i, cast] of p.casts.entries()) {
      ctx.signal.throwIfAborted();
      const column = columns.find((c) => c.info.name === cast.column)!;
      const from = column.info.type;
      const result = castColumn(column.values, from, cast.type);
      const counts = `${result.failed} of ${result.present} values`;
      const summary = `"${cast.column}" ${from} → ${cast.type}: ${counts} failed to convert`;
      if (result.firstFailure) {
        const { index, value } = result.firstFailure;
        const first = `first at row ${index + 1}: ${formatCell(value, from)}`;
        ctx.log('warn', `${summary} (${percent(failedFraction(result))}) and became missing; ${first}`);
        if (failedFraction(result) > p.maxInvalidFraction) {
          throw new UserError(
            `Cannot convert column "${cast.column}" to ${cast.type}: ${counts} (${percent(failedFraction(result))}) ` +
              `do not convert, more than maxInvalidFraction ${p.maxInvalidFraction}; ${first}`,
            { field: `casts.${i}.type`, column: cast.column, row: index + 1 },
          );
        }
      } else ctx.log('info', summary);
      column.info = { ...column.info, type: cast.type };
      column.values = result.values;
    }
    return { table: rebuildTable(input.table, columns) };
  },
});

function checkCasts(columns: readonly ColumnInfo[], casts: readonly Cast[]): void {
  assertNoRepeats(casts.map((c) => c.column), (i) => `casts.${i}.column`, 'casts');
  casts.forEach((c, i) => findColumn(columns, c.column, `casts.${i}.column`));
}

function castSchema(columns: readonly ColumnInfo[], casts: readonly Cast[]): ColumnInfo[] {
  checkCasts(columns, casts);
  const typeOf = new Map(casts.map((c) => [c.column, c.type]));
  return columns.map((info) => ({ ...info, type: typeOf.get(info.name) ?? info.type }));
}
