// Test helpers shared by the evaluate tests: a small scored table and a fake predictor that reads
// it like a model would (x1 drives the score, x2 is ignored), so importance has a known answer.
import { readColumn } from '../table/read-column';
import { tableFromColumns, type ColumnData } from '../table/table-from-columns';
import type { ModelArtifact } from '../models/model-artifact';
import type { ColumnInfo, TableValue } from '../values';
import type { Predictions, Predictor } from './predictor';

export function scoredTable(n = 200): TableValue {
  const x1 = Array.from({ length: n }, (_, i) => Math.sin(i * 1.7) * 3);
  const x2 = Array.from({ length: n }, (_, i) => Math.cos(i * 0.37));
  const columns: ColumnData[] = [
    { info: { name: 'x1', type: 'numeric', role: 'feature' }, values: x1 },
    { info: { name: 'x2', type: 'numeric', role: 'feature' }, values: x2 },
    { info: { name: 'colour', type: 'categorical', role: 'feature' }, values: x2.map((v) => (v > 0 ? 'red' : 'blue')) },
    // A noisy label: mostly x1 > 0, flipped on every 7th row.
    { info: { name: 'label', type: 'categorical', role: 'target' }, values: x1.map((v, i) => ((v > 0) !== (i % 7 === 0) ? 'yes' : 'no')) },
    { info: { name: 'amount', type: 'numeric', role: 'target' }, values: x1.map((v, i) => 2 * v + 1 + ((i % 5) - 2) / 10) },
    { info: { name: 'band', type: 'categorical', role: 'target' }, values: x1.map((v, i) => band(v + ((i % 3) - 1) * 0.5)) },
    { info: { name: 'p_yes', type: 'numeric', role: 'feature' }, values: x1.map((v) => 1 / (1 + Math.exp(-2 * v))) },
  ];
  return { kind: 'table', table: tableFromColumns(columns), columns: columns.map((c) => c.info) };
}

function band(v: number): string {
  return v < -1 ? 'low' : v > 1 ? 'high' : 'mid';
}

/** A model artifact the fake predictor stands in for. */
export function fakeModel(task: Predictions['task']): ModelArtifact {
  const target = task === 'binary' ? 'label' : task === 'multiclass' ? 'band' : 'amount';
  const labels = task === 'binary' ? ['no', 'yes'] : task === 'multiclass' ? ['low', 'mid', 'high'] : [];
  const inputs: ColumnInfo[] = [
    { name: 'x1', type: 'numeric', role: 'feature' },
    { name: 'x2', type: 'numeric', role: 'feature' },
    { name: 'colour', type: 'categorical', role: 'feature' },
  ];
  return { format: 'test/fake', task, target, inputs, preprocessing: {}, labels, payload: {}, training: {} };
}

/** Binary: P(yes) = sigmoid(2·x1), labels [no, yes]. Regression: 2·x1 + 1. Multiclass: three bands of x1. */
export function fakePredictor(task: Predictions['task']): Predictor & { calls: number } {
  const predict = async (input: TableValue): Promise<Predictions> => {
    predict.calls++;
    const x1 = readColumn(input.table, 'x1') as number[];
    if (task === 'regression') return { task, labels: [], scores: Float64Array.from(x1, (v) => 2 * v + 1) };
    if (task === 'binary') {
      const scores = new Float64Array(x1.length * 2);
      x1.forEach((v, r) => {
        const p = 1 / (1 + Math.exp(-2 * v));
        scores[r * 2] = 1 - p;
        scores[r * 2 + 1] = p;
      });
      return { task, labels: ['no', 'yes'], scores };
    }
    const scores = new Float64Array(x1.length * 3);
    x1.forEach((v, r) => {
      const logits = [-v, 0, v].map(Math.exp);
      const sum = logits[0] + logits[1] + logits[2];
      logits.forEach((l, c) => (scores[r * 3 + c] = l / sum));
    });
    return { task, labels: ['low', 'mid', 'high'], scores };
  };
  predict.calls = 0;
  return predict;
}
