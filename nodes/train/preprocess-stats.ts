// Pure statistics the preprocessing is fitted with. NaN marks a missing number, null a missing category.
// Indexed loops, not for…of: V8 runs for…of over a typed array several times slower here.
import { compareCodeUnits } from '../../engine/canonical-json';

export interface Moments {
  mean: number;
  /** Population standard deviation (ddof 0), as scikit-learn's StandardScaler uses. */
  std: number;
  min: number;
  max: number;
}

/** Mean of the present values; NaN when there are none. */
export function meanOf(values: Float64Array): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isNaN(v)) {
      sum += v;
      count++;
    }
  }
  return count === 0 ? NaN : sum / count;
}

/** Median of the present values (mean of the middle two for an even count); NaN when there are none. */
export function medianOf(values: Float64Array): number {
  const present = values.filter((v) => !Number.isNaN(v)).sort();
  const n = present.length;
  if (n === 0) return NaN;
  return n % 2 === 1 ? present[(n - 1) / 2] : (present[n / 2 - 1] + present[n / 2]) / 2;
}

/** Moments of a column with no missing values (impute first). Two-pass for a stable variance. */
export function momentsOf(values: Float64Array): Moments {
  const n = values.length;
  if (n === 0) return { mean: 0, std: 0, min: 0, max: 0 };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) * (values[i] - mean);
  return { mean, std: Math.sqrt(squares / n), min, max };
}

/** How often each present category occurs. */
export function countCategories(values: readonly (string | null)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** The most frequent category, ties to the smallest in code-unit order (as scikit-learn's imputer); null if none. */
export function modeOf(counts: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && compareCodeUnits(value, best) < 0)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** The `max` most frequent categories (ties to the smaller), returned in code-unit order. */
export function topCategories(counts: ReadonlyMap<string, number>, max: number): string[] {
  const byFrequency = [...counts.entries()].sort((a, b) => b[1] - a[1] || compareCodeUnits(a[0], b[0]));
  return byFrequency
    .slice(0, max)
    .map(([value]) => value)
    .sort(compareCodeUnits);
}
