// Profiles every column of a table into a 'column-stats' report.
import { z } from 'zod';
import { defineNode } from '../define-node';
import { tableInput } from '../port-inputs';
import { readColumn } from '../table/read-column';
import { columnStats, type ColumnStats } from './column-stats';

export type ColumnStatsReport = { type: 'column-stats'; title: string; rows: number; columns: ColumnStats[] };

export const columnStatsNode = defineNode({
  type: 'explore/column-stats',
  version: 1,
  title: 'Column statistics',
  category: 'explore',
  description:
    'Count, missing values, mean, standard deviation, quartiles and a 20-bin histogram for numeric ' +
    'columns; distinct and most frequent values for the others.',
  inputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  outputs: [{ name: 'report', kind: 'report', label: 'Report' }],
  params: z.object({}),
  runsOn: ['browser', 'server'],
  deterministic: true,
  async run({ inputs, ctx }) {
    const { table, columns } = tableInput(inputs, 'table');
    const stats: ColumnStats[] = [];
    for (const [i, info] of columns.entries()) {
      ctx.signal.throwIfAborted();
      stats.push(columnStats(info, readColumn(table, info.name)));
      ctx.progress((i + 1) / columns.length);
    }
    const report: ColumnStatsReport = {
      type: 'column-stats',
      title: `Column statistics (${table.numRows} rows, ${columns.length} columns)`,
      rows: table.numRows,
      columns: stats,
    };
    return { report: { kind: 'report', report } };
  },
});
