// Removes rows that repeat an earlier (or later) row on all columns or on a chosen subset.
import { z } from 'zod';
import { COLUMN_PARAM_KEY } from '../../engine/columns';
import { defineNode } from '../define-node';
import { tableInput } from '../port-inputs';
import { readColumn } from '../table/read-column';
import { takeRows } from '../table/take-rows';
import { assertNoRepeats, findColumn } from './column-lookup';
import { uniqueRows } from './unique-rows';

const params = z.object({
  columns: z
    .array(z.string().min(1).describe('Column name').meta({ [COLUMN_PARAM_KEY]: 'table' }))
    .default([])
    .describe('Columns that must all match for two rows to count as duplicates; empty means every column'),
  keep: z
    .enum(['first', 'last'])
    .default('first')
    .describe('Which row of a group of duplicates to keep: the first or the last in table order'),
});

export const deduplicateNode = defineNode({
  type: 'clean/deduplicate',
  version: 1,
  title: 'Remove duplicates',
  category: 'clean',
  description:
    'Removes rows that repeat another row on every column, or on the chosen columns, keeping the first or last ' +
    'of each group. Missing cells count as equal to each other. Row order is kept.',
  inputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  outputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  params,
  runsOn: ['browser', 'server'],
  deterministic: true,
  async run({ inputs, params: p, ctx }) {
    const input = tableInput(inputs, 'table');
    assertNoRepeats(p.columns, (i) => `columns.${i}`, 'columns');
    const names = p.columns.length === 0 ? input.columns.map((c) => c.name) : p.columns;
    p.columns.forEach((name, i) => findColumn(input.columns, name, `columns.${i}`));
    const n = input.table.numRows;
    const kept = uniqueRows(names.map((name) => readColumn(input.table, name)), n, p.keep);
    const on = p.columns.length === 0 ? 'all columns' : names.map((name) => `"${name}"`).join(', ');
    ctx.log('info', `Removed ${n - kept.length} duplicate rows of ${n} (compared on ${on}, kept the ${p.keep})`);
    return { table: { ...input, table: takeRows(input.table, kept) } };
  },
});
