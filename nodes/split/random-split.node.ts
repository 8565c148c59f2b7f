// Splits a table into train, validation and test sides, reproducibly from a seed.
import { z } from 'zod';
import { UserError } from '../../engine/errors';
import { defineNode } from '../define-node';
import { tableInput } from '../port-inputs';
import { readColumn } from '../table/read-column';
import { takeRows } from '../table/take-rows';
import type { TableValue } from '../values';
import { classBalance, formatBalance } from './class-balance';
import { randomSplit, splitSizes } from './random-split';

const params = z
  .object({
    train: z.number().gt(0).lte(1).default(0.75).describe('Fraction of rows for training, above 0 and at most 1'),
    validation: z
      .number()
      .gte(0)
      .lt(1)
      .default(0)
      .describe('Fraction of rows for validation (0 leaves the validation output empty)'),
    test: z.number().gte(0).lt(1).default(0.25).describe('Fraction of rows held out for the final test'),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(0)
      .describe('Seed of the shuffle: the same seed and data always give the same split'),
    stratifyBy: z
      .string()
      .max(200)
      .optional()
      .describe('Column whose class proportions every side keeps, usually the target; leave empty for a plain split'),
  })
  .refine((p) => Math.abs(p.train + p.validation + p.test - 1) <= 1e-9, {
    error: 'Train, validation and test fractions must add up to 1',
    path: ['train'],
  });

export const randomSplitNode = defineNode({
  type: 'split/random',
  version: 1,
  title: 'Random split',
  category: 'split',
  description:
    'Shuffles rows with a seeded generator and cuts them into train, validation and test; test and ' +
    'validation get ceil(fraction × rows) rows, as in scikit-learn. Each side keeps the input row order.',
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
    const strata = stratifyBy === undefined ? undefined : readColumn(input.table, columnName(input, stratifyBy));
    const sizes = splitSizes(n, p);
    if (n > 0 && sizes.train === 0) {
      throw new UserError(`With ${n} rows these fractions leave no rows for training`, { field: 'train' });
    }
    const split = randomSplit(n, p, p.seed, strata);
    ctx.signal.throwIfAborted();

    const side = (rows: Int32Array): TableValue => ({ ...input, table: takeRows(input.table, rows) });
    const outputs = { train: side(split.train), validation: side(split.validation), test: side(split.test) };
    ctx.log('info', `Split ${n} rows: train ${sizes.train}, validation ${sizes.validation}, test ${sizes.test}`);
    logBalance(input, stratifyBy, split, ctx.log);
    ctx.progress(1);
    return outputs;
  },
});

function columnName(input: TableValue, name: string): string {
  if (!input.columns.some((c) => c.name === name)) {
    throw new UserError(`Stratify column "${name}" is not in the table`, { field: 'stratifyBy', column: name });
  }
  return name;
}

/** Class balance per side, by the stratify column or else a categorical/boolean target. */
function logBalance(
  input: TableValue,
  stratifyBy: string | undefined,
  split: Record<'train' | 'validation' | 'test', Int32Array>,
  log: (level: 'info', message: string) => void,
): void {
  const target = input.columns.find((c) => c.role === 'target' && (c.type === 'categorical' || c.type === 'boolean'));
  const name = stratifyBy ?? target?.name;
  if (name === undefined) return;
  const values = readColumn(input.table, name);
  for (const [sideName, rows] of Object.entries(split)) {
    log('info', `${sideName} "${name}": ${formatBalance(classBalance(values, rows))}`);
  }
}
