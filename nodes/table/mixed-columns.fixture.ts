// A small table with one column of each type and some missing cells, shared by table tests.
import type { ColumnInfo } from '../values';
import type { ColumnData } from './table-from-columns';

export const info = (name: string, type: ColumnInfo['type'], role: ColumnInfo['role'] = 'feature'): ColumnInfo => ({
  name,
  type,
  role,
});

export const mixedColumns: ColumnData[] = [
  { info: info('x', 'numeric'), values: [1.5, Number.NaN, -2, null] },
  { info: info('colour', 'categorical', 'target'), values: ['red', 'blue', null, 'red'] },
  { info: info('note', 'text'), values: ['a', 'b', 'c', null] },
  { info: info('ok', 'boolean'), values: [true, false, null, true] },
  { info: info('when', 'datetime', 'time'), values: [0, 86_400_000, null, Date.UTC(2024, 0, 1)] },
];
