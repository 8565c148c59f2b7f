// Splits a table by time: the oldest rows train, the newest test, as a model meets the future.
import { z } from 'zod';
import { COLUMN_PARAM_KEY } from '../../engine/columns';
import { UserError } from '../../engine/errors';
import { findTypedColumn } from '../clean/column-lookup';
import { defineNode } from '../define-node';
import { tableInput } from '../port-inputs';
import { readColumn } from '../table/read-column';
import { takeRows } from '../table/take-rows';
import type { ColumnInfo, TableValue } from '../values';
import { logBalance } from './log-balance';
import { splitSizes, type SplitIndices } from './random-split';
import { fractionFields, fractionsAddUp, FRACTIONS_MESSAGE } from './split-fractions';
import { timeSplit } from './time-split';

const params = z
  .object({
    timeColumn: z
      .string()
      .max(200)
      .optional()
      .describe('Datetime or numeric column that orders the rows; leave empty to use the column whose role is time')
      .meta({ [COLUMN_PARAM_KEY]: 'table' }),
    ...fractionFields,
  })
  .refine(fractionsAddUp, FRACTIONS_MESSAGE);

export const timeSplitNode = defineNode({
  type: 'split/time',
  version: 1,
  title: 'Time split',
  category: 'split',
  description:
    'Orders rows by a time column and gives the oldest to train, the next to validation and the newest to test, ' +
    'sized as the random split sizes them. Rows with the same time always stay on one side, so a side can be a ' +
    'little larger or smaller than its fraction. Each side keeps the input row order.',
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
    const info = timeColumnOf(input.columns, p.timeColumn || undefined);
    const times = readColumn(input.table, info.name).map((t, i) => {
      if (typeof t !== 'number' || Number.isNaN(t)) {
        throw new UserError(`Time column "${info.name}" is missing at row ${i + 1}; fill or drop those rows first`, {
          field: 'timeColumn',
          column: info.name,
          row: i + 1,
        });
      }
      return t;
    });
    const n = times.length;
    const split = timeSplit(times, p);
    if (n > 0 && split.train.length === 0) {
      throw new UserError(`Rows sharing the same time leave no rows for training with these fractions`, { field: 'train' });
    }
    ctx.signal.throwIfAborted();
    const side = (rows: Int32Array): TableValue => ({ ...input, table: takeRows(input.table, rows) });
    const outputs = { train: side(split.train), validation: side(split.validation), test: side(split.test) };
    ctx.log('info', `Split ${n} rows by "${info.name}": ${describeSides(split, times, info)}`);
    const planned = splitSizes(n, p);
    if (planned.train !== split.train.length || planned.test !== split.test.length) {
      const sizes = `train ${planned.train}, validation ${planned.validation}, test ${planned.test}`;
      ctx.log('info', `Rows sharing a time stay together: planned ${sizes}`);
    }
    logBalance(input, undefined, split, ctx.log);
    ctx.progress(1);
    return outputs;
  },
});

function timeColumnOf(columns: readonly ColumnInfo[], name: string | undefined): ColumnInfo {
  const types = ['datetime', 'numeric'] as const;
  if (name !== undefined) return findTypedColumn(columns, name, 'timeColumn', types, 'A time split');
  const timed = columns.find((c) => c.role === 'time');
  if (!timed) throw new UserError('Choose a time column, or give one column the role "time"', { field: 'timeColumn' });
  return findTypedColumn(columns, timed.name, 'timeColumn', types, 'A time split');
}

function describeSides(split: SplitIndices, times: readonly number[], info: ColumnInfo): string {
  const show = (t: number) => (info.type === 'datetime' ? new Date(t).toISOString() : String(t));
  return Object.entries(split)
    .map(([name, rows]) => {
      if (rows.length === 0) return `${name} 0`;
      let [lo, hi] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
      for (const r of rows) [lo, hi] = [Math.min(lo, times[r]), Math.max(hi, times[r])];
      return `${name} ${rows.length} (${show(lo)} to ${show(hi)})`;
    })
    .join(', ');
}
