// Reads the target column for evaluation. Rows without a target are left out (and counted);
// every other problem is a UserError naming the column.
import { UserError } from '../../engine/errors';
import { readColumn } from '../table/read-column';
import type { CellValue } from '../table/table-from-columns';
import type { TableValue } from '../values';

export type Truth = { column: string; cells: CellValue[]; rows: Int32Array; dropped: number };

/** `field` is the param that named the column, if one did (the model path takes it from the model). */
export function readTruth(input: TableValue, column: string, field?: string): Truth {
  if (!input.columns.some((c) => c.name === column)) {
    throw new UserError(`Target column "${column}" is not in the table`, { field, column });
  }
  const cells = readColumn(input.table, column);
  const rows: number[] = [];
  cells.forEach((cell, i) => {
    if (cell !== null && !(typeof cell === 'number' && Number.isNaN(cell))) rows.push(i);
  });
  if (rows.length === 0) throw new UserError(`Target column "${column}" has no values to evaluate against`, { field, column });
  return { column, cells, rows: Int32Array.from(rows), dropped: cells.length - rows.length };
}

/** The class label of a cell, spelled as the train node spells labels (String of the value). */
export function labelOf(cell: CellValue): string {
  return String(cell);
}

/** Class index of each kept row; a label the model does not know is an error. */
export function classIndices(truth: Truth, labels: readonly string[]): Int32Array {
  const index = new Map(labels.map((label, i) => [label, i]));
  return Int32Array.from(truth.rows, (r) => {
    const k = index.get(labelOf(truth.cells[r]));
    if (k === undefined) {
      throw new UserError(
        `Target "${truth.column}" has the value "${labelOf(truth.cells[r])}" (row ${r + 1}), which is not one of the ` +
          `classes ${labels.map((l) => `"${l}"`).join(', ')}`,
        { column: truth.column, row: r + 1 },
      );
    }
    return k;
  });
}

export function numericTruth(truth: Truth): Float64Array {
  return Float64Array.from(truth.rows, (r) => {
    const cell = truth.cells[r];
    if (typeof cell !== 'number' || !Number.isFinite(cell)) {
      throw new UserError(`Target "${truth.column}" must be numeric for regression; row ${r + 1} is ${JSON.stringify(cell)}`, {
        column: truth.column,
        row: r + 1,
      });
    }
    return cell;
  });
}
