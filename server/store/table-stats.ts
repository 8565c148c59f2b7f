// Per-column statistics of a table artifact for its preview: counts, missing values, a summary and
// a histogram (numbers) or the most common values (labels). The answer is bounded whatever the
// table's size: wide tables are profiled on fewer rows, an even sample, and the preview says so.
import type { Table } from 'apache-arrow';
import { columnStats, type ColumnStats } from '../../nodes/explore/column-stats';
import { pickIndices } from '../../nodes/evaluate/metrics/downsample';
import { readColumn } from '../../nodes/table/read-column';
import type { CellValue } from '../../nodes/table/table-from-columns';
import type { ColumnInfo } from '../../nodes/values';
import { decodedArtifact } from './decoded-artifacts';

/** Cells read per request, and rows however narrow the table: a few seconds of work at most. */
const MAX_CELLS = 2_000_000;
const MAX_ROWS = 100_000;
export const MAX_STATS_COLUMNS = 1000;
const TOP_VALUES = 5;

export type TableStats = {
  rows: number;
  /** Rows the statistics were computed on: all of them, or an even sample. */
  sampledRows: number;
  /** Every column of the table; `columns` holds the first MAX_STATS_COLUMNS of them. */
  columnCount: number;
  columns: ColumnStats[];
};

const cache = new Map<string, TableStats>();
const CACHE_ENTRIES = 16;

export async function tableStats(dataDir: string, id: string): Promise<TableStats> {
  const key = `${dataDir}\u0000${id}`;
  const known = cache.get(key);
  if (known) return known;
  const value = await decodedArtifact(dataDir, id, 'table');
  if (value.kind !== 'table') throw new Error(`Artifact ${id.slice(0, 12)} is not a table`);
  const stats = computeStats(value.table, value.columns);
  cache.set(key, stats);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return stats;
}

export function computeStats(table: Table, columns: readonly ColumnInfo[]): TableStats {
  const shown = columns.slice(0, MAX_STATS_COLUMNS);
  const budget = Math.max(2_000, Math.floor(MAX_CELLS / Math.max(1, shown.length)));
  const sample = table.numRows > Math.min(MAX_ROWS, budget) ? pickIndices(table.numRows, Math.min(MAX_ROWS, budget)) : null;
  const stats = shown.map((info) => {
    const values = sample ? sampleColumn(table, info.name, sample) : readColumn(table, info.name);
    const s = columnStats(info, values);
    return 'top' in s ? { ...s, top: s.top.slice(0, TOP_VALUES) } : s;
  });
  return { rows: table.numRows, sampledRows: sample ? sample.length : table.numRows, columnCount: columns.length, columns: stats };
}

function sampleColumn(table: Table, name: string, rows: readonly number[]): CellValue[] {
  const vector = table.getChild(name);
  if (vector === null) throw new Error(`No column "${name}" in the table`);
  return rows.map((r) => toCell(vector.get(r)));
}

/** As readColumn reads a cell: Arrow's bigints, dates and others into plain cells. */
function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}
