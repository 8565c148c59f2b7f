// Splits a table into train, validation and test sides, reproducibly from a seed.
import { z } from 'zod';
import { COLUMN_PARAM_KEY } from '../../engine/columns';
import { UserError } from '../../engine/errors';
import { findColumn } from '../clean/column-lookup';
import { defineNode } from '../define-node';
import { tableInput } from '../port-inputs';
import { readColumn } from '../table/read-column';
import { takeRows } from '../table/take-rows';
import type { TableValue } from '../values';
import { groupSplit } from './group-split';
import { logBalance } from './log-balance';
import { randomSplit, type SplitIndices } from './random-split';
import { fractionFields, fractionsAddUp, FRACTIONS_MESSAGE } from './split-fractions';
import { seedParam } from '../seed-param';

// groupBy came after version 1 shipped: it is optional and absent by default, so saved plans keep
// their params, their cache keys and their splits.
const params = z
  .object({
    ...fractionFields,
    seed: seedParam('Seed of the shuffle: the same seed and data always give the same split'),
    stratifyBy: z
      .string()
      .max(200)
      .optional()
      .describe('Column whose class proportions every side keeps, usually the target; leave empty for a plain split')
      .meta({ [COLUMN_PARAM_KEY]: 'table' }),
    groupBy: z
      .string()
      .max(200)
      .optional()
      .describe('Column whose groups (e.g. a customer id) each land wholly on one side; fractions then count groups')
      .meta({ [COLUMN_PARAM_KEY]: 'table' }),
  })
  .refine(fractionsAddUp, FRACTIONS_MESSAGE)
  .refine((p) => !(p.stratifyBy && p.groupBy), {
    error: 'Choose either a stratify column or a group column, not both',
    path: ['groupBy'],
  });

export const randomSplitNode = defineNode({
  type: 'split/random',
  version: 1,
  title: 'Random split',
  category: 'split',
  description:
    'Shuffles rows with a seeded generator and cuts them into train, validation and test; test and ' +
    'validation get ceil(fraction × rows) rows, as in scikit-learn. Each side keeps the input row order. ' +
    'With a group column, whole groups are shuffled and the fractions count groups (GroupShuffleSplit).',
  inputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  outputs: [
    { name: 'train', kind: 'table', label: 'Train' },
    { name: 'validation', kind: 'table', label: 'Validation' },
    { name: 'test', kind: 'table', label: 'Test' },
  ],
  params,
  runsOn: ['browser', 'server'],
  deterministic: true,
  async run({ inputs, params: p, ctx }) {
    const input = tableInput(inputs, 'table');
    const n = input.table.numRows;
    const stratifyBy = p.stratifyBy || undefined; // an emptied form field means a plain split
    const groupBy = p.groupBy || undefined;
    const column = (name: string | undefined, field: string) =>
      name === undefined ? undefined : readColumn(input.table, findColumn(input.columns, name, field).name);
    const strata = column(stratifyBy, 'stratifyBy');
    const groups = column(groupBy, 'groupBy');
    const split = groups ? groupSplit(groups, p, p.seed) : randomSplit(n, p, p.seed, strata);
    if (n > 0 && split.train.length === 0) {
      const what = groups ? `${new Set(groups).size} groups` : `${n} rows`;
      throw new UserError(`With ${what} these fractions leave no rows for training`, { field: 'train' });
    }
    ctx.signal.throwIfAborted();

    const side = (rows: Int32Array): TableValue => ({ ...input, table: takeRows(input.table, rows) });
    const outputs = { train: side(split.train), validation: side(split.validation), test: side(split.test) };
    ctx.log('info', `Split ${n} rows${groups ? ` by group "${groupBy}"` : ''}: ${sideSizes(split, groups)}`);
    logBalance(input, stratifyBy, split, ctx.log);
    ctx.progress(1);
    return outputs;
  },
});

function sideSizes(split: SplitIndices, groups?: readonly unknown[]): string {
  return Object.entries(split)
    .map(([name, rows]) => {
      const inGroups = groups ? ` (${new Set(Array.from(rows, (r: number) => groups[r] ?? null)).size} groups)` : '';
      return `${name} ${rows.length}${inGroups}`;
    })
    .join(', ');
}
