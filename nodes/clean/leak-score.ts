// How well one feature alone separates a binary target, as ROC AUC, for the leak warning.
import type { CellValue } from '../table/table-from-columns';
import type { ColumnType } from '../values';
import { isMissingCell } from './cells';
import { rocAuc } from './roc-auc';

/**
 * Numbers and datetimes score by value (rows with a missing or non-finite value are left out);
 * categories and booleans score by their target rate, with missing as a category of its own.
 * Returns max(AUC, 1 − AUC), since a feature that orders the classes backwards leaks as much;
 * NaN when the feature cannot be scored or a class is absent. `positive` holds one flag per row,
 * null where the target is missing.
 */
export function separation(values: ArrayLike<CellValue>, type: ColumnType, positive: ArrayLike<boolean | null>): number {
  const scores: number[] = [];
  const labels: boolean[] = [];
  if (type === 'numeric' || type === 'datetime') {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (positive[i] === null || typeof v !== 'number' || !Number.isFinite(v)) continue;
      scores.push(v);
      labels.push(positive[i]!);
    }
  } else if (type === 'categorical' || type === 'boolean') {
    const keys = Array.from(values, (v) => (isMissingCell(v) ? null : v));
    const rate = targetRates(keys, positive);
    keys.forEach((key, i) => {
      if (positive[i] === null) return;
      scores.push(rate.get(key)!);
      labels.push(positive[i]!);
    });
  } else return Number.NaN;
  const auc = rocAuc(scores, labels);
  return Math.max(auc, 1 - auc);
}

/** Share of positive rows per category, among rows whose target is present. */
export function targetRates(keys: readonly CellValue[], positive: ArrayLike<boolean | null>): Map<CellValue, number> {
  const counts = new Map<CellValue, { pos: number; all: number }>();
  keys.forEach((key, i) => {
    if (positive[i] === null) return;
    const c = counts.get(key) ?? { pos: 0, all: 0 };
    c.all++;
    if (positive[i]) c.pos++;
    counts.set(key, c);
  });
  return new Map([...counts].map(([key, c]) => [key, c.pos / c.all]));
}
