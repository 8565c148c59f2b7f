// Lines up a table's own score columns (an outside model's predictions) with its target.
import { compareCodeUnits } from '../../engine/canonical-json';
import { UserError } from '../../engine/errors';
import type { ModelTask } from '../models/model-artifact';
import { readColumn } from '../table/read-column';
import type { TableValue } from '../values';
import type { EvaluationData } from './evaluation-data';
import { classIndices, labelOf, numericTruth, readTruth, type Truth } from './read-truth';

export type ScoreParams = {
  task: ModelTask;
  target: string;
  scoreColumns: string[];
  classLabels: string[];
  positiveLabel: string;
  threshold: number;
};

export function dataFromColumns(input: TableValue, p: ScoreParams): { data: EvaluationData; truth: Truth } {
  const truth = readTruth(input, targetName(input, p.target), 'target');
  const wanted = p.task === 'multiclass' ? 'at least two score columns, one per class' : 'exactly one score column';
  if (p.task === 'multiclass' ? p.scoreColumns.length < 2 : p.scoreColumns.length !== 1) {
    throw new UserError(`A ${p.task} evaluation needs ${wanted}; ${p.scoreColumns.length} chosen`, { field: 'scoreColumns' });
  }
  // Params are checked before the data, so the first error points at what to fix in the form.
  const labels = p.task === 'regression' ? [] : p.task === 'binary' ? binaryLabels(truth, p.positiveLabel) : classLabels(p);
  const probability = p.task !== 'regression';
  const scores = p.scoreColumns.map((name, i) => readScores(input, name, `scoreColumns.${i}`, truth.rows, probability));
  if (p.task === 'regression') {
    return { data: { task: 'regression', actual: numericTruth(truth), predicted: scores[0] }, truth };
  }
  const classes = labels.length;
  const proba = new Float64Array(truth.rows.length * classes);
  for (let r = 0; r < truth.rows.length; r++) {
    if (p.task === 'binary') {
      proba[r * 2] = 1 - scores[0][r];
      proba[r * 2 + 1] = scores[0][r];
    } else {
      for (let c = 0; c < classes; c++) proba[r * classes + c] = scores[c][r];
    }
  }
  const positive = p.task === 'binary' ? 1 : -1;
  return { data: { task: p.task, labels, y: classIndices(truth, labels), proba, positive, threshold: p.threshold }, truth };
}

/** An empty choice means the column whose role is target. */
function targetName(input: TableValue, chosen: string): string {
  if (chosen !== '') return chosen;
  const target = input.columns.find((c) => c.role === 'target');
  if (!target) throw new UserError('Choose the target column: no column has the role "target"', { field: 'target' });
  return target.name;
}

function readScores(input: TableValue, name: string, field: string, rows: Int32Array, probability: boolean): Float64Array {
  if (!input.columns.some((c) => c.name === name)) {
    throw new UserError(`Score column "${name}" is not in the table`, { field, column: name });
  }
  const cells = readColumn(input.table, name);
  return Float64Array.from(rows, (r) => {
    const cell = cells[r];
    if (typeof cell !== 'number' || !Number.isFinite(cell)) {
      throw new UserError(`Score column "${name}" needs a number in row ${r + 1}, where the target is known; it has ${JSON.stringify(cell)}`, {
        field,
        column: name,
        row: r + 1,
      });
    }
    if (probability && (cell < 0 || cell > 1)) {
      throw new UserError(`Score column "${name}" must hold probabilities in [0, 1]; row ${r + 1} has ${cell}`, {
        field,
        column: name,
        row: r + 1,
      });
    }
    return cell;
  });
}

/** [negative, positive]. With no positive label chosen, "1" or "true" is taken when the values say so. */
function binaryLabels(truth: Truth, positiveLabel: string): string[] {
  const distinct = [...new Set(Array.from(truth.rows, (r) => labelOf(truth.cells[r])))].sort(compareCodeUnits);
  if (distinct.length > 2) {
    throw new UserError(
      `Target "${truth.column}" has ${distinct.length} classes; a binary evaluation needs two (choose the multiclass task)`,
      { field: 'task', column: truth.column },
    );
  }
  const positive = positiveLabel !== '' ? positiveLabel : guessPositive(distinct, truth.column);
  const others = distinct.filter((label) => label !== positive);
  if (others.length === distinct.length && distinct.length === 2) {
    throw new UserError(`Positive label "${positive}" is not a value of "${truth.column}" (${distinct.join(', ')})`, {
      field: 'positiveLabel',
    });
  }
  return [others[0] ?? `not ${positive}`, positive];
}

function guessPositive(distinct: readonly string[], column: string): string {
  for (const [no, yes] of [
    ['0', '1'],
    ['false', 'true'],
  ]) {
    if (distinct.includes(yes) && distinct.every((d) => d === no || d === yes)) return yes;
  }
  throw new UserError(
    `Choose the positive label: which of ${distinct.map((d) => `"${d}"`).join(', ')} in "${column}" is the positive class?`,
    { field: 'positiveLabel' },
  );
}

function classLabels(p: ScoreParams): string[] {
  const labels = p.classLabels.length > 0 ? p.classLabels : p.scoreColumns;
  if (labels.length !== p.scoreColumns.length) {
    throw new UserError(`Give one class label per score column: ${labels.length} labels for ${p.scoreColumns.length} columns`, {
      field: 'classLabels',
    });
  }
  if (new Set(labels).size !== labels.length) {
    throw new UserError('Class labels must be distinct', { field: p.classLabels.length > 0 ? 'classLabels' : 'scoreColumns' });
  }
  return [...labels];
}
