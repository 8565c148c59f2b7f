// Turns the target column into what an estimator fits: class indices with sorted labels, or
// numbers. The task comes from the target's type and what the estimator supports, never a guess
// from the values: a numeric target is regression unless the estimator only classifies or the
// `task` param says classification.
import { compareCodeUnits } from '../../engine/canonical-json';
import { UserError } from '../../engine/errors';
import type { ModelTask } from '../models/model-artifact';
import type { ColumnInfo } from '../values';

export const TASK_FAMILIES = ['classification', 'regression'] as const;
export type TaskFamily = (typeof TASK_FAMILIES)[number];
export type TaskChoice = 'auto' | TaskFamily;

/** More distinct values than this in a numeric target is a continuous target, not classes. */
export const MAX_NUMERIC_CLASSES = 50;

export function resolveTask(target: ColumnInfo, supported: readonly TaskFamily[], choice: TaskChoice = 'auto'): TaskFamily {
  if (target.type === 'datetime') {
    throw new UserError(`Target "${target.name}" is a datetime; cast it to a number or category first`, { column: target.name });
  }
  const numeric = target.type === 'numeric';
  const wanted: TaskFamily =
    choice !== 'auto' ? choice : numeric && supported.includes('regression') ? 'regression' : 'classification';
  if (!supported.includes(wanted)) {
    const why =
      wanted === 'regression'
        ? `This model only classifies; "${target.name}" asks for regression. Use a regression model.`
        : numeric
          ? `This model only does regression; it cannot classify "${target.name}". Use a classifier.`
          : `This model needs a numeric target; "${target.name}" is ${target.type}. Use a classifier, or cast the column.`;
    throw new UserError(why, { field: choice === 'auto' ? 'target' : 'task', column: target.name });
  }
  if (wanted === 'regression' && !numeric) {
    throw new UserError(`Regression needs a numeric target; "${target.name}" is ${target.type}`, { column: target.name });
  }
  return wanted;
}

/** Rows (1-based) whose target is missing, as a UserError. */
export function assertNoMissing(name: string, values: readonly (string | null)[] | Float64Array): void {
  const rows: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || (typeof v === 'number' && Number.isNaN(v))) rows.push(i + 1);
  }
  if (rows.length === 0) return;
  const first = rows.slice(0, 5).join(', ');
  throw new UserError(
    `Target "${name}" is missing in ${rows.length} of ${values.length} training rows (rows ${first}${rows.length > 5 ? ', …' : ''}); ` +
      'drop or fill them with a clean node before training',
    { column: name, row: rows[0] },
  );
}

/** Labels in code-unit order and each row's index into them; fails on a single class. */
export function encodeClasses(name: string, values: readonly string[], numeric: boolean): { labels: string[]; y: Int32Array } {
  const labels = [...new Set(values)].sort(compareCodeUnits);
  if (labels.length < 2) {
    throw new UserError(
      `Target "${name}" has a single class${labels.length ? ` ("${labels[0]}")` : ''} in the training rows; a classifier needs at least two`,
      { column: name },
    );
  }
  if (numeric && labels.length > MAX_NUMERIC_CLASSES) {
    throw new UserError(
      `Target "${name}" is numeric with ${labels.length} distinct values; that looks continuous. Use a regression model, ` +
        'or cast it to a category to classify it.',
      { column: name },
    );
  }
  const index = new Map(labels.map((label, i) => [label, i]));
  return { labels, y: Int32Array.from(values, (v) => index.get(v)!) };
}

/** Class indices against known labels; rows whose label is unknown get -1. */
export function indexClasses(values: readonly (string | null)[], labels: readonly string[]): Int32Array {
  const index = new Map(labels.map((label, i) => [label, i]));
  return Int32Array.from(values, (v) => (v === null ? -1 : (index.get(v) ?? -1)));
}

export function modelTask(family: TaskFamily, classes: number): ModelTask {
  if (family === 'regression') return 'regression';
  return classes === 2 ? 'binary' : 'multiclass';
}

/** scikit-learn's "balanced": n / (classes × count of the row's class). */
export function balancedWeights(y: Int32Array, classes: number): Float64Array {
  const counts = new Float64Array(classes);
  for (const c of y) counts[c]++;
  return Float64Array.from(y, (c) => y.length / (classes * counts[c]));
}
