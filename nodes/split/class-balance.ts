// Counts of each class among some rows, for the split's log (and later the data-validation report).

export interface ClassCount {
  value: string;
  count: number;
}

/** Most frequent first, ties by value; missing cells count as "(missing)". */
export function classBalance(values: ArrayLike<unknown>, rows: ArrayLike<number>): ClassCount[] {
  const counts = new Map<string, number>();
  for (let k = 0; k < rows.length; k++) {
    const value = values[rows[k]];
    const key = value === null || value === undefined ? '(missing)' : String(value);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** e.g. "benign 268 (62.8%), malignant 159 (37.2%)"; an empty side reads "no rows". */
export function formatBalance(balance: ClassCount[]): string {
  const total = balance.reduce((sum, c) => sum + c.count, 0);
  if (total === 0) return 'no rows';
  return balance.map((c) => `${c.value} ${c.count} (${((100 * c.count) / total).toFixed(1)}%)`).join(', ');
}
