// Clipping numbers into [min, max], with bounds fixed or taken from quantiles of the data.
import { quantile } from '../explore/numeric-summary';
import type { CellValue } from '../table/table-from-columns';

export interface Bounds {
  min?: number;
  max?: number;
}

/** numpy's linear quantiles of the finite values; undefined bounds when there are none. */
export function quantileBounds(values: ArrayLike<CellValue>, lower: number, upper: number): Bounds {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number' && Number.isFinite(v)) finite.push(v);
  }
  if (finite.length === 0) return {};
  const sorted = Float64Array.from(finite).sort();
  return { min: quantile(sorted, lower), max: quantile(sorted, upper) };
}

/** Missing cells stay missing; ±Infinity is clipped like any other number. */
export function clipValues(
  values: ArrayLike<CellValue>,
  { min, max }: Bounds,
): { values: CellValue[]; low: number; high: number } {
  let low = 0;
  let high = 0;
  const out = Array.from(values, (v) => {
    if (typeof v !== 'number' || Number.isNaN(v)) return v;
    if (min !== undefined && v < min) {
      low++;
      return min;
    }
    if (max !== undefined && v > max) {
      high++;
      return max;
    }
    return v;
  });
  return { values: out, low, high };
}
