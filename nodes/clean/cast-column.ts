// Converts a whole column to another type; values that do not fit become missing and are counted.
import type { CellValue } from '../table/table-from-columns';
import type { ColumnType } from '../values';
import { isMissingCell } from './cells';
import { convertCell } from './convert-cell';

export interface CastResult {
  values: CellValue[];
  /** Cells that were present before the cast. */
  present: number;
  /** Present cells that could not be converted and are now missing. */
  failed: number;
  /** Position (0-based) and original value of the first failure. */
  firstFailure: { index: number; value: CellValue } | null;
}

export function castColumn(values: ArrayLike<CellValue>, from: ColumnType, to: ColumnType): CastResult {
  const out: CellValue[] = new Array(values.length);
  let present = 0;
  let failed = 0;
  let firstFailure: CastResult['firstFailure'] = null;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (isMissingCell(value)) {
      out[i] = null;
      continue;
    }
    present++;
    const converted = convertCell(value, from, to);
    if (converted === undefined) {
      failed++;
      firstFailure ??= { index: i, value };
      out[i] = null;
    } else out[i] = converted;
  }
  return { values: out, present, failed, firstFailure };
}

/** Failed share of the present cells; 0 when none were present. */
export function failedFraction(result: CastResult): number {
  return result.present === 0 ? 0 : result.failed / result.present;
}
