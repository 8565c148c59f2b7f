// Rows where all (or any) of some per-column predicates hold, in row order.
import type { CellValue } from '../table/table-from-columns';
import type { CellPredicate } from './filter-condition';

export interface BoundPredicate {
  values: ArrayLike<CellValue>;
  test: CellPredicate;
}

/** With no predicates every row matches, whether the match is 'all' or 'any'. */
export function matchRows(rows: number, predicates: readonly BoundPredicate[], match: 'all' | 'any'): Int32Array {
  if (predicates.length === 0) return Int32Array.from({ length: rows }, (_, i) => i);
  const kept: number[] = [];
  for (let i = 0; i < rows; i++) {
    const hit =
      match === 'all' ? predicates.every((p) => p.test(p.values[i])) : predicates.some((p) => p.test(p.values[i]));
    if (hit) kept.push(i);
  }
  return Int32Array.from(kept);
}
