// Clips numeric columns to fixed bounds or to quantiles of the input.
import { z } from 'zod';
import { COLUMN_PARAM_KEY } from '../../engine/columns';
import { defineNode } from '../define-node';
import { tableInput } from '../port-inputs';
import { assertNoRepeats, findTypedColumn } from './column-lookup';
import { clipValues, quantileBounds, type Bounds } from './clip';
import { readColumns, rebuildTable } from './rebuild-table';

const params = z
  .object({
    columns: z
      .array(z.string().min(1).describe('Column name').meta({ [COLUMN_PARAM_KEY]: 'table' }))
      .default([])
      .describe('Numeric columns to clip; empty means every numeric feature column'),
    method: z
      .enum(['quantile', 'fixed'])
      .default('quantile')
      .describe('quantile: bounds are quantiles of each column; fixed: the min and max given here'),
    lower: z.number().min(0).max(1).default(0.01).describe('Quantile of the lower bound (quantile method), e.g. 0.01'),
    upper: z.number().min(0).max(1).default(0.99).describe('Quantile of the upper bound (quantile method), e.g. 0.99'),
    min: z.number().optional().describe('Lower bound (fixed method); leave empty for no lower bound'),
    max: z.number().optional().describe('Upper bound (fixed method); leave empty for no upper bound'),
  })
  .superRefine((p, issues) => {
    if (p.method === 'quantile' && p.lower >= p.upper) {
      issues.addIssue({ code: 'custom', path: ['upper'], message: 'The upper quantile must be above the lower one' });
    }
    if (p.method === 'fixed' && p.min === undefined && p.max === undefined) {
      issues.addIssue({ code: 'custom', path: ['min'], message: 'Give a min, a max or both for fixed clipping' });
    }
    if (p.method === 'fixed' && p.min !== undefined && p.max !== undefined && p.min > p.max) {
      issues.addIssue({ code: 'custom', path: ['max'], message: 'max must not be below min' });
    }
  });

export const clipOutliersNode = defineNode({
  type: 'clean/clip-outliers',
  version: 1,
  title: 'Clip outliers',
  category: 'clean',
  description:
    'Clips numeric columns into [min, max]: fixed bounds, or quantiles (numpy linear) of each column. Quantile ' +
    'bounds are computed on this whole input, test rows included: this is row-level cleaning before the split by ' +
    'design; bounds learned from the train split alone would be a learned transform, which belongs to training.',
  inputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  outputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  params,
  runsOn: ['browser', 'server'],
  deterministic: true,
  async run({ inputs, params: p, ctx }) {
    const input = tableInput(inputs, 'table');
    assertNoRepeats(p.columns, (i) => `columns.${i}`, 'columns');
    p.columns.forEach((name, i) => findTypedColumn(input.columns, name, `columns.${i}`, ['numeric'], 'Clipping'));
    const chosen =
      p.columns.length > 0
        ? new Set(p.columns)
        : new Set(input.columns.filter((c) => c.type === 'numeric' && c.role === 'feature').map((c) => c.name));
    const columns = readColumns(input);
    for (const column of columns) {
      if (!chosen.has(column.info.name)) continue;
      const bounds: Bounds =
        p.method === 'fixed' ? { min: p.min, max: p.max } : quantileBounds(column.values, p.lower, p.upper);
      const { values, low, high } = clipValues(column.values, bounds);
      column.values = values;
      const moved = `clipped ${low} values up to ${show(bounds.min)} and ${high} down to ${show(bounds.max)}`;
      ctx.log('info', `"${column.info.name}": ${moved}`);
    }
    if (chosen.size === 0) ctx.log('warn', 'No numeric feature columns to clip');
    return { table: rebuildTable(input.table, columns) };
  },
});

const show = (bound: number | undefined) => (bound === undefined ? '(none)' : String(bound));
