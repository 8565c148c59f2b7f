// Per-column profile of a table: counts and missing for all, distribution for numbers, top values for labels.
import { assertNever } from '../../engine/assert-never';
import type { CellValue } from '../table/table-from-columns';
import type { ColumnInfo } from '../values';
import { histogram, mean, quantile, sampleStd, type Histogram } from './numeric-summary';

export const HISTOGRAM_BINS = 20;
export const TOP_VALUES = 10;

type Common = Pick<ColumnInfo, 'name' | 'role'> & { count: number; missing: number };
/** Statistics are null where they are undefined (no values; std with fewer than two). */
export type NumericColumnStats = Common & {
  type: 'numeric';
  mean: number | null;
  std: number | null;
  min: number | null;
  max: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  histogram: Histogram;
};
export type LabelColumnStats = Common & {
  type: 'categorical' | 'text' | 'boolean';
  distinct: number;
  top: { value: string; count: number }[];
};
/** min and max as ISO 8601 text. */
export type DatetimeColumnStats = Common & { type: 'datetime'; min: string | null; max: string | null };
export type ColumnStats = NumericColumnStats | LabelColumnStats | DatetimeColumnStats;

/** `count` is the number of present (non-missing) values, as in pandas. */
export function columnStats(info: ColumnInfo, values: readonly CellValue[]): ColumnStats {
  const present = values.filter((v) => v !== null && !(typeof v === 'number' && Number.isNaN(v)));
  const common = { name: info.name, role: info.role, count: present.length, missing: values.length - present.length };
  switch (info.type) {
    case 'numeric':
      return { ...common, type: 'numeric', ...numericStats(Float64Array.from(present as number[]).sort()) };
    case 'categorical':
    case 'text':
    case 'boolean':
      return { ...common, type: info.type, ...topValues(present.map(String)) };
    case 'datetime': {
      const sorted = Float64Array.from(present as number[]).sort();
      const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
      return { ...common, type: 'datetime', min: iso(sorted[0]), max: iso(sorted[sorted.length - 1]) };
    }
    default:
      return assertNever(info.type, 'column type');
  }
}

function numericStats(sorted: Float64Array): Omit<NumericColumnStats, keyof Common | 'type'> {
  // Non-finite results (no values, or an overflow) become null: reports are plain JSON.
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    mean: finite(mean(sorted)),
    std: finite(sampleStd(sorted)),
    min: finite(sorted[0] ?? Number.NaN),
    max: finite(sorted[sorted.length - 1] ?? Number.NaN),
    p25: finite(quantile(sorted, 0.25)),
    p50: finite(quantile(sorted, 0.5)),
    p75: finite(quantile(sorted, 0.75)),
    histogram: histogram(sorted, HISTOGRAM_BINS),
  };
}

/** Most frequent first, ties by value so the report is the same every time. */
export function topValues(present: string[], limit = TOP_VALUES): Pick<LabelColumnStats, 'distinct' | 'top'> {
  const counts = new Map<string, number>();
  for (const value of present) counts.set(value, (counts.get(value) ?? 0) + 1);
  const top = [...counts.entries()]
    .sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, limit)
    .map(([value, count]) => ({ value, count }));
  return { distinct: counts.size, top };
}
