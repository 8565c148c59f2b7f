// Keeps or drops a list of columns.
import { z } from 'zod';
import { COLUMN_PARAM_KEY } from '../../engine/columns';
import { UserError } from '../../engine/errors';
import { defineNode } from '../define-node';
import { tableInput } from '../port-inputs';
import { tableToTable } from '../table/known-columns';
import type { ColumnInfo } from '../values';
import { assertNoRepeats, findColumn } from './column-lookup';
import { readColumns, rebuildTable } from './rebuild-table';

const params = z.object({
  mode: z
    .enum(['keep', 'drop'])
    .default('drop')
    .describe('keep: only the listed columns, in the order listed; drop: every column except the listed ones'),
  columns: z
    .array(z.string().min(1).describe('Column name').meta({ [COLUMN_PARAM_KEY]: 'table' }))
    .default([])
    .describe('Columns to keep or drop'),
});
type Params = z.infer<typeof params>;

export const selectColumnsNode = defineNode({
  type: 'clean/select-columns',
  version: 1,
  title: 'Select columns',
  category: 'clean',
  description: 'Keeps only the listed columns, or drops them. Types and roles of the remaining columns are unchanged.',
  inputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  outputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  params,
  runsOn: ['browser', 'server'],
  deterministic: true,
  outputColumns: (p, inputs) => tableToTable(inputs, (columns) => keptColumns(columns, p)),
  async run({ inputs, params: p, ctx }) {
    const input = tableInput(inputs, 'table');
    const kept = keptColumns(input.columns, p);
    const all = readColumns(input);
    const dropped = all.length - kept.length;
    ctx.log('info', `Kept ${kept.length} of ${all.length} columns${dropped > 0 ? `, dropped ${dropped}` : ''}`);
    return { table: rebuildTable(input.table, kept.map((info) => all.find((c) => c.info.name === info.name)!)) };
  },
});

/** The columns that remain, in output order; shared by run and outputColumns so they cannot disagree. */
function keptColumns(columns: readonly ColumnInfo[], p: Params): ColumnInfo[] {
  assertNoRepeats(p.columns, (i) => `columns.${i}`, 'columns');
  p.columns.forEach((name, i) => findColumn(columns, name, `columns.${i}`));
  const listed = new Set(p.columns);
  const kept =
    p.mode === 'keep' ? p.columns.map((name) => columns.find((c) => c.name === name)!) : columns.filter((c) => !listed.has(c.name));
  if (kept.length === 0) {
    const message = p.mode === 'keep' ? 'List at least one column to keep' : 'Dropping every column leaves an empty table';
    throw new UserError(message, { field: 'columns' });
  }
  return kept;
}
