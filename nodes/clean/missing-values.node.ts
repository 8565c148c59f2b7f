// Drops rows with missing cells, or fills them with a constant, per column or for every column.
// Learned imputation (mean, median, mode) is not here: it is fitted on the train split, in train/.
import { z } from 'zod';
import { COLUMN_PARAM_KEY } from '../../engine/columns';
import { UserError } from '../../engine/errors';
import { defineNode } from '../define-node';
import { tableInput } from '../port-inputs';
import { takeRows } from '../table/take-rows';
import type { CellValue, ColumnData } from '../table/table-from-columns';
import type { TableValue } from '../values';
import { assertNoRepeats, findColumn } from './column-lookup';
import { convertParam } from './convert-cell';
import { completeRows, countMissing, fillMissing } from './missing-cells';
import { readColumns, rebuildTable } from './rebuild-table';

const STRATEGIES = ['drop_rows', 'fill_constant', 'leave'] as const;
const strategy = z
  .enum(STRATEGIES)
  .describe('drop_rows: remove rows with a missing cell here; fill_constant: write the value; leave: keep missing cells');
const constant = z
  .union([z.string(), z.number(), z.boolean()])
  .optional()
  .describe('Constant for fill_constant, converted to the column\'s type (datetimes in ISO 8601)');

const params = z.object({
  strategy: strategy.default('drop_rows'),
  value: constant,
  columns: z
    .array(z.object({ column: z.string().min(1).describe('Column name').meta({ [COLUMN_PARAM_KEY]: 'table' }), strategy, value: constant }))
    .default([])
    .describe('Per-column strategies; they override the strategy above, which covers every other column'),
});
type Params = z.infer<typeof params>;

export const missingValuesNode = defineNode({
  type: 'clean/missing-values',
  version: 1,
  title: 'Missing values',
  category: 'clean',
  description:
    'Drops rows that have a missing cell, or fills missing cells with a constant, for every column or per column. ' +
    'Imputing a mean, median or mode is learned from data, so it belongs to training, fitted on the train split only.',
  inputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  outputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  params,
  runsOn: ['browser', 'server'],
  deterministic: true,
  async run({ inputs, params: p, ctx }) {
    const input = tableInput(inputs, 'table');
    assertNoRepeats(p.columns.map((c) => c.column), (i) => `columns.${i}.column`, 'columns');
    p.columns.forEach((c, i) => findColumn(input.columns, c.column, `columns.${i}.column`));
    const columns = readColumns(input);
    const dropOn: ColumnData[] = [];
    let filledAny = false;
    for (const column of columns) {
      const rule = ruleFor(p, column.info.name);
      if (rule.strategy === 'drop_rows') dropOn.push(column);
      // A constant is typed only where it is needed: "unknown" for all columns must not trip on a complete numeric one.
      if (rule.strategy !== 'fill_constant' || countMissing(column.values) === 0) continue;
      const { values, filled } = fillMissing(column.values, typedConstant(rule, column));
      column.values = values;
      filledAny ||= filled > 0;
      if (filled > 0) ctx.log('info', `Filled ${filled} missing cells in "${column.info.name}" with ${String(rule.value)}`);
    }
    const filled: TableValue = filledAny ? rebuildTable(input.table, columns) : input;
    const n = input.table.numRows;
    const kept = completeRows(dropOn.map((c) => c.values), n);
    if (kept.length === n) return { table: filled };
    const per = dropOn
      .map((c) => [c.info.name, countMissing(c.values)] as const)
      .filter(([, count]) => count > 0)
      .map(([name, count]) => `"${name}" ${count}`);
    ctx.log('info', `Dropped ${n - kept.length} of ${n} rows with missing values (missing per column: ${per.join(', ')})`);
    return { table: { ...filled, table: takeRows(filled.table, kept) } };
  },
});

interface Rule {
  strategy: (typeof STRATEGIES)[number];
  value?: string | number | boolean;
  field: string;
}

function ruleFor(p: Params, name: string): Rule {
  const i = p.columns.findIndex((c) => c.column === name);
  if (i >= 0) return { ...p.columns[i], field: `columns.${i}.value` };
  return { strategy: p.strategy, value: p.value, field: 'value' };
}

function typedConstant(rule: Rule, { info }: ColumnData): CellValue {
  if (rule.value === undefined) {
    throw new UserError(`fill_constant for "${info.name}" needs a value`, { field: rule.field, column: info.name });
  }
  const typed = convertParam(rule.value, info.type);
  if (typed === undefined || typed === null) {
    throw new UserError(
      `Fill value ${JSON.stringify(rule.value)} does not fit column "${info.name}" (${info.type}); ` +
        'give that column its own strategy or value',
      { field: rule.field, column: info.name },
    );
  }
  return typed;
}
