// From a training table (and an optional validation table) to what an estimator fits: columns
// chosen, preprocessing fitted on the training rows only, labels encoded, weights set.
import type { Table } from 'apache-arrow';
import { UserError } from '../../engine/errors';
import type { ModelTask } from '../models/model-artifact';
import type { ColumnInfo, TableValue } from '../values';
import type { FitTarget, Matrix } from './estimator';
import { pickPreprocessOptions } from './preprocess-options';
import { fitPreprocessing, transform } from './preprocess';
import { readCategorical, readNumeric } from './preprocess-read';
import type { FittedPreprocessing } from './preprocess-state';
import { selectColumns } from './select-columns';
import {
  assertNoMissing,
  balancedWeights,
  encodeClasses,
  indexClasses,
  modelTask,
  resolveTask,
  type TaskFamily,
} from './target-encoding';
import type { CommonTrainParams } from './train-params';

export interface PreparedTraining {
  task: ModelTask;
  target: string;
  /** Class labels in output order; empty for regression. */
  labels: string[];
  /** The raw feature columns, as ingested. */
  inputs: ColumnInfo[];
  preprocessing: FittedPreprocessing;
  X: Matrix;
  fitTarget: FitTarget;
  validation?: { X: Matrix; target: FitTarget };
  /** Things worth a warning in the run log (dropped validation rows, imputed training values). */
  notes: string[];
  /** Columns of the training table that are neither the target nor features, with the role that kept them out. */
  leftOut: { name: string; role: ColumnInfo['role'] }[];
}

export function prepareTraining(
  train: TableValue,
  validation: TableValue | undefined,
  params: CommonTrainParams,
  tasks: readonly TaskFamily[],
): PreparedTraining {
  if (train.table.numRows === 0) throw new UserError('The training table has no rows');
  const { target, features } = selectColumns(train.columns, params);
  const family = resolveTask(target, tasks, params.task);
  const notes: string[] = [];
  const encoded = encodeTarget(train.table, target, family);
  const preprocessing = fitPreprocessing(train.table, features, pickPreprocessOptions(params));
  for (const c of preprocessing.columns) {
    if (c.missing > 0) notes.push(`Filled ${c.missing} missing values of "${c.name}" with ${JSON.stringify(c.fill)}`);
  }
  const X = transform(preprocessing, train.table);
  let fitTarget: FitTarget;
  if (encoded.kind === 'regression') {
    fitTarget = { kind: 'regression', y: encoded.y };
  } else {
    const classes = encoded.labels.length;
    const weights = params.classWeight === 'balanced' ? balancedWeights(encoded.y, classes) : undefined;
    fitTarget = { kind: 'classification', classes, y: encoded.y, ...(weights ? { sampleWeight: weights } : {}) };
  }
  const labels = encoded.kind === 'classification' ? encoded.labels : [];
  const prepared: PreparedTraining = {
    task: modelTask(family, labels.length),
    target: target.name,
    labels,
    inputs: features.map(({ name, type, role }) => ({ name, type, role })),
    preprocessing,
    X,
    fitTarget,
    notes,
    leftOut: train.columns
      .filter((c) => c.name !== target.name && !features.some((f) => f.name === c.name))
      .map(({ name, role }) => ({ name, role })),
  };
  if (validation && validation.table.numRows > 0) {
    prepared.validation = prepareValidation(validation.table, prepared, notes);
  }
  return prepared;
}

type EncodedTarget = { kind: 'classification'; labels: string[]; y: Int32Array } | { kind: 'regression'; y: Float64Array };

function encodeTarget(table: Table, target: ColumnInfo, family: TaskFamily): EncodedTarget {
  if (family === 'regression') {
    const y = readNumeric(table, target.name, 'numeric');
    assertNoMissing(target.name, y);
    return { kind: 'regression', y };
  }
  const values = readCategorical(table, target.name);
  assertNoMissing(target.name, values);
  return { kind: 'classification', ...encodeClasses(target.name, values as string[], target.type === 'numeric') };
}

/** The validation side through the training preprocessing; rows it cannot score are dropped with a note. */
function prepareValidation(table: Table, prepared: PreparedTraining, notes: string[]): { X: Matrix; target: FitTarget } {
  const X = transform(prepared.preprocessing, table);
  const name = prepared.target;
  if (prepared.fitTarget.kind === 'regression') {
    const y = readNumeric(table, name, 'numeric');
    const keep = rowsWhere(y.length, (i) => !Number.isNaN(y[i]));
    if (keep.length < y.length) notes.push(`Validation: dropped ${y.length - keep.length} rows with a missing target`);
    return { X: takeMatrixRows(X, keep), target: { kind: 'regression', y: Float64Array.from(keep, (i) => y[i]) } };
  }
  const y = indexClasses(readCategorical(table, name), prepared.labels);
  const keep = rowsWhere(y.length, (i) => y[i] >= 0);
  if (keep.length < y.length) {
    notes.push(`Validation: dropped ${y.length - keep.length} rows whose target is missing or a class not in training`);
  }
  const classes = prepared.labels.length;
  return {
    X: takeMatrixRows(X, keep),
    target: { kind: 'classification', classes, y: Int32Array.from(keep, (i) => y[i]) },
  };
}

function rowsWhere(n: number, ok: (i: number) => boolean): Int32Array {
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (ok(i)) rows.push(i);
  return Int32Array.from(rows);
}

export function takeMatrixRows(m: Matrix, rows: Int32Array): Matrix {
  if (rows.length === m.rows) return m;
  const data = new Float64Array(rows.length * m.cols);
  rows.forEach((r, k) => data.set(m.data.subarray(r * m.cols, (r + 1) * m.cols), k * m.cols));
  return { rows: rows.length, cols: m.cols, data };
}
