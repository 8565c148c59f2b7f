// A model's predictions as table columns: the label (or value) under `prefix`, and with
// `probabilities` one "<prefix>_<label>" column per class. A name the table already has is an
// error naming it: a scored table must never silently lose a column.
import { UserError } from '../../engine/errors';
import type { Predictions } from '../models/predict';
import { predictedLabelIndices } from '../models/predicted-labels';
import type { ColumnData } from '../table/table-from-columns';

export function predictionColumns(
  p: Predictions,
  prefix: string,
  probabilities: boolean,
  existing: readonly string[],
): ColumnData[] {
  const columns: ColumnData[] = [];
  if (p.task === 'regression') {
    columns.push({ info: { name: prefix, type: 'numeric', role: 'ignore' }, values: p.scores });
  } else {
    const indices = predictedLabelIndices(p);
    columns.push({ info: { name: prefix, type: 'categorical', role: 'ignore' }, values: Array.from(indices, (k) => p.labels[k]) });
    if (probabilities) {
      const classes = p.labels.length;
      const rows = indices.length;
      p.labels.forEach((label, c) => {
        const values = Float64Array.from({ length: rows }, (_, r) => p.scores[r * classes + c]);
        columns.push({ info: { name: `${prefix}_${label}`, type: 'numeric', role: 'ignore' }, values });
      });
    }
  }
  const taken = new Set(existing);
  for (const { info } of columns) {
    if (taken.has(info.name)) {
      throw new UserError(`The table already has a column "${info.name}"; choose another prefix for the predictions`, {
        field: 'prefix',
        column: info.name,
      });
    }
    taken.add(info.name);
  }
  return columns;
}
