// Keeps the rows that meet a list of conditions built in the inspector, without code.
import { z } from 'zod';
import { defineNode } from '../define-node';
import { tableInput } from '../port-inputs';
import { readColumn } from '../table/read-column';
import { takeRows } from '../table/take-rows';
import { findColumn } from './column-lookup';
import { compileCondition, conditionSchema } from './filter-condition';
import { matchRows } from './match-rows';

const params = z.object({
  match: z
    .enum(['all', 'any'])
    .default('all')
    .describe('all: a row is kept when every condition holds; any: when at least one does'),
  conditions: z.array(conditionSchema).default([]).describe('Conditions on columns; with none, every row is kept'),
});

export const filterRowsNode = defineNode({
  type: 'clean/filter-rows',
  version: 1,
  title: 'Filter rows',
  category: 'clean',
  description:
    'Keeps rows that meet all (or any) of the conditions. Numbers and datetimes compare by value (datetimes ' +
    'written in ISO 8601), text and categories match exactly and case-sensitively, or by contains / starts_with. ' +
    'A missing cell matches only is_missing.',
  inputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  outputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  params,
  runsOn: ['browser', 'server'],
  deterministic: true,
  async run({ inputs, params: p, ctx }) {
    const input = tableInput(inputs, 'table');
    const predicates = p.conditions.map((cond, i) => {
      const info = findColumn(input.columns, cond.column, `conditions.${i}.column`);
      return { test: compileCondition(cond, info, `conditions.${i}`), values: readColumn(input.table, info.name) };
    });
    ctx.signal.throwIfAborted();
    const n = input.table.numRows;
    const kept = matchRows(n, predicates, p.match);
    ctx.log('info', `Kept ${kept.length} of ${n} rows, removed ${n - kept.length}`);
    return { table: { ...input, table: takeRows(input.table, kept) } };
  },
});
