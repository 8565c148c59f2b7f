// Learned preprocessing: fitted on the training table only, applied to any table that has the raw
// input columns (extra columns are ignored). The fitted state is plain JSON (preprocess-state.ts).
import type { Table } from 'apache-arrow';
import { assertNever } from '../../engine/assert-never';
import type { ColumnInfo } from '../values';
import type { Matrix } from './estimator';
import {
  categoricalWidth,
  fitCategoricalColumn,
  fitNumericColumn,
  writeCategorical,
  writeNumeric,
} from './preprocess-column';
import type { PreprocessOptions } from './preprocess-options';
import { readCategorical, readNumeric } from './preprocess-read';
import { outputNames, type CategoricalColumnState, type FittedColumn, type FittedPreprocessing, type NumericColumnState } from './preprocess-state';

/** Fits one state per input column, in the order given; `inputs` are the feature columns only. */
export function fitPreprocessing(
  table: Table,
  inputs: readonly ColumnInfo[],
  options: PreprocessOptions,
): FittedPreprocessing {
  const columns: FittedColumn[] = [];
  const dropped: string[] = [];
  for (const { name, type } of inputs) {
    switch (type) {
      case 'numeric':
        columns.push(fitNumericColumn(name, 'numeric', readNumeric(table, name, 'numeric'), options));
        break;
      case 'datetime':
        if (options.datetime === 'drop') dropped.push(name);
        else columns.push(fitNumericColumn(name, 'datetime', readNumeric(table, name, 'datetime'), options));
        break;
      case 'categorical':
      case 'boolean':
      case 'text':
        columns.push(fitCategoricalColumn(name, type, readCategorical(table, name), options));
        break;
      default:
        assertNever(type, 'column type');
    }
  }
  return { version: 1, columns, dropped, features: columns.flatMap(outputNames) };
}

/** The dense feature matrix for `table`; a missing input column is a UserError naming it. */
export function transform(pre: FittedPreprocessing, table: Table): Matrix {
  return transformValues(pre, table.numRows, {
    numeric: (state) => readNumeric(table, state.name, state.source),
    categorical: (state) => readCategorical(table, state.name),
  });
}

/**
 * The same matrix from values already read: numbers (NaN = missing; datetimes as epoch days) for
 * a numeric state, category text (null = missing) for a categorical one. Serving reads them from
 * a request without building an Arrow table.
 */
export function transformValues(
  pre: FittedPreprocessing,
  rows: number,
  read: {
    numeric: (state: NumericColumnState) => Float64Array;
    categorical: (state: CategoricalColumnState) => readonly (string | null)[];
  },
): Matrix {
  const cols = pre.features.length;
  const data = new Float64Array(rows * cols);
  let col = 0;
  for (const state of pre.columns) {
    if (state.kind === 'numeric') {
      writeNumeric(state, read.numeric(state), data, cols, col);
      col += 1;
    } else {
      writeCategorical(state, read.categorical(state), data, cols, col);
      col += categoricalWidth(state);
    }
  }
  if (col !== cols) throw new Error(`transform: wrote ${col} columns, the preprocessing names ${cols}`);
  return { rows, cols, data };
}
