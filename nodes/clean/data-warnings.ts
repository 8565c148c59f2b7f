// Warnings about a table that usually mean trouble for a model: a one-class target, constant or
// id-like columns, numbers with no finite value, and a feature that alone predicts the target.
import type { CellValue, ColumnData } from '../table/table-from-columns';
import { formatCell, isMissingCell } from './cells';
import { separation } from './leak-score';

export const LEAK_AUC = 0.99;
/** Below this many rows every column looks unique, so the id check stays quiet. */
export const ID_MIN_ROWS = 10;

export type WarningCode = 'single_class' | 'constant' | 'id_like' | 'no_finite_values' | 'possible_leak';
/** A type alias, not an interface, so reports holding it stay assignable to JsonValue. */
export type DataWarning = { code: WarningCode; column: string; message: string; auc?: number };

export function dataWarnings(columns: readonly ColumnData[], rows: number): DataWarning[] {
  if (rows === 0) return [];
  const warnings: DataWarning[] = [];
  const warn = (code: WarningCode, column: string, message: string) => warnings.push({ code, column, message });
  const target = columns.find((c) => c.info.role === 'target');
  const positive = target ? binaryLabels(target.values) : undefined;
  if (target) {
    const present = distinct(target.values, false);
    if (present.size <= 1) {
      const only = present.size === 0 ? 'no values' : `a single class (${formatCell([...present][0], target.info.type)})`;
      warn('single_class', target.info.name, `The target "${target.info.name}" has ${only}`);
    }
  }
  for (const { info, values } of columns) {
    if (info === target?.info || info.role === 'ignore') continue;
    const name = info.name;
    if (info.type === 'numeric' && !Array.from(values).some((v) => typeof v === 'number' && Number.isFinite(v))) {
      warn('no_finite_values', name, `Column "${name}" has no finite number: all missing, NaN or infinite`);
      continue;
    }
    const all = distinct(values, true);
    if (all.size === 1) {
      warn('constant', name, `Column "${name}" is constant: every row is ${formatCell([...all][0], info.type)}`);
      continue;
    }
    if (info.role !== 'id' && looksLikeId(values, info.type, rows, all.size)) {
      warn('id_like', name, `Column "${name}" looks like an id: every value is different`);
      // Target rates of all-distinct categories separate any target perfectly; numbers are still worth scoring.
      if (info.type !== 'numeric') continue;
    }
    if (positive && info.role === 'feature') {
      const auc = separation(values, info.type, positive);
      if (auc >= LEAK_AUC) {
        const shown = Math.round(auc * 10_000) / 10_000;
        const message =
          `Feature "${name}" alone predicts the target "${target!.info.name}" (ROC AUC ${shown}): ` +
          'check it is not a leak';
        warnings.push({ code: 'possible_leak', column: name, message, auc: shown });
      }
    }
  }
  return warnings;
}

/** For a target with exactly two classes: true for the later class in sorted order, null where missing. */
export function binaryLabels(values: ArrayLike<CellValue>): (boolean | null)[] | undefined {
  const classes = [...distinct(values, false)].sort((a, b) => (a! < b! ? -1 : a! > b! ? 1 : 0));
  if (classes.length !== 2) return undefined;
  return Array.from(values, (v) => (isMissingCell(v) ? null : v === classes[1]));
}

/** Distinct cells, missing (null or NaN) counted as one value when `withMissing`. */
function distinct(values: ArrayLike<CellValue>, withMissing: boolean): Set<CellValue> {
  const set = new Set<CellValue>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!isMissingCell(v)) set.add(v);
    else if (withMissing) set.add(null);
  }
  return set;
}

function looksLikeId(values: ArrayLike<CellValue>, type: string, rows: number, distinctCount: number): boolean {
  if (rows < ID_MIN_ROWS || distinctCount !== rows) return false;
  if (type === 'text' || type === 'categorical') return !Array.from(values).some(isMissingCell);
  if (type === 'numeric') return Array.from(values).every((v) => typeof v === 'number' && Number.isInteger(v));
  return false;
}
