import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeContext } from '../testing/fake-context';
import { tableFromColumns, type ColumnData } from '../table/table-from-columns';
import type { TableValue } from '../values';
import { evaluatePredictionsNode as node } from './evaluate-predictions.node';
import { scoredTable } from './evaluate.fixture';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../tests/fixtures/metrics', `${name}.json`), 'utf8'));

function tableOf(columns: ColumnData[]): TableValue {
  return { kind: 'table', table: tableFromColumns(columns), columns: columns.map((c) => c.info) };
}

async function evaluate(input: TableValue, raw: Record<string, unknown>) {
  const ctx = fakeContext();
  const outputs = await node.run({ inputs: { table: input }, params: node.params.parse(raw), ctx });
  if (outputs.metrics.kind !== 'metrics') throw new Error('expected metrics');
  return outputs.metrics.metrics as any;
}

function expectClose(actual: Record<string, number>, expected: Record<string, number>, names: Record<string, string>) {
  for (const [ours, theirs] of Object.entries(names)) {
    const e = expected[theirs];
    expect(Math.abs(actual[ours] - e), `${ours}: ${actual[ours]} vs sklearn ${e}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(e)));
  }
}

describe('evaluate/predictions matches scikit-learn through the whole node', () => {
  it('binary: an outside model\'s P(positive) column', async () => {
    const f = fixture('binary-imbalanced');
    const input = tableOf([
      { info: { name: 'truth', type: 'categorical', role: 'target' }, values: f.y_true },
      { info: { name: 'p', type: 'numeric', role: 'feature' }, values: f.y_score },
    ]);
    const m = await evaluate(input, { scoreColumns: ['p'], positiveLabel: '1' });
    expect(m).toMatchObject({ source: 'predictions', task: 'binary', labels: ['0', '1'], positiveLabel: '1', rows: f.y_true.length });
    expect(m.confusion.matrix).toEqual(f.expected.confusion);
    expectClose(m.metrics, f.expected, {
      accuracy: 'accuracy',
      precision: 'precision',
      recall: 'recall',
      f1: 'f1',
      roc_auc: 'roc_auc',
      pr_auc: 'average_precision',
      log_loss: 'log_loss',
      brier: 'brier',
    });
  });

  it('multiclass: one probability column per class', async () => {
    const f = fixture('multiclass-3');
    const input = tableOf([
      { info: { name: 'species', type: 'categorical', role: 'target' }, values: f.y_true },
      ...f.labels.map((label: string, k: number) => ({
        info: { name: `p_${label}`, type: 'numeric' as const, role: 'feature' as const },
        values: f.proba.map((row: number[]) => row[k]),
      })),
    ]);
    const m = await evaluate(input, { task: 'multiclass', scoreColumns: f.labels.map((l: string) => `p_${l}`), classLabels: f.labels });
    expect(m.labels).toEqual(f.labels);
    expect(m.confusion.matrix).toEqual(f.expected.confusion);
    expectClose(m.metrics, f.expected, {
      accuracy: 'accuracy',
      precision_macro: 'precision_macro',
      recall_weighted: 'recall_weighted',
      f1_macro: 'f1_macro',
      f1_weighted: 'f1_weighted',
      roc_auc: 'roc_auc_ovr_macro',
      roc_auc_weighted: 'roc_auc_ovr_weighted',
      pr_auc: 'average_precision_macro',
      log_loss: 'log_loss',
    });
  });

  it('regression: a prediction column', async () => {
    const f = fixture('regression-mape-edge');
    const input = tableOf([
      { info: { name: 'y', type: 'numeric', role: 'target' }, values: f.y_true },
      { info: { name: 'yhat', type: 'numeric', role: 'feature' }, values: f.y_pred },
    ]);
    const m = await evaluate(input, { task: 'regression', scoreColumns: ['yhat'] });
    expectClose(m.metrics, f.expected, { rmse: 'rmse', mse: 'mse', mae: 'mae', r2: 'r2', mape: 'mape' });
  });
});

describe('evaluate/predictions params and errors', () => {
  const table = scoredTable(100);

  it('takes the target from the column roles and guesses "1"/"true" as the positive label only', async () => {
    await expect(evaluate(table, { scoreColumns: ['p_yes'] })).rejects.toThrow(/Choose the positive label: which of "no", "yes"/);
    const m = await evaluate(table, { scoreColumns: ['p_yes'], positiveLabel: 'yes' });
    expect(m).toMatchObject({ target: 'label', labels: ['no', 'yes'], positiveLabel: 'yes' });
    expect(m.cost.atThreshold.threshold).toBe(0.5);
  });

  it('names the score column that is missing, out of range or of the wrong count', async () => {
    await expect(evaluate(table, { scoreColumns: ['nope'], positiveLabel: 'yes' })).rejects.toThrow(/Score column "nope" is not in the table/);
    await expect(evaluate(table, { scoreColumns: ['x1'], positiveLabel: 'yes' })).rejects.toThrow(/"x1" must hold probabilities in \[0, 1\]/);
    await expect(evaluate(table, { scoreColumns: [] })).rejects.toThrow(/needs exactly one score column/);
    await expect(evaluate(table, { task: 'multiclass', scoreColumns: ['p_yes', 'x2'], target: 'band', classLabels: ['a'] })).rejects.toThrow(
      /one class label per score column/,
    );
  });

  it('refuses a binary evaluation of a target with three classes', async () => {
    await expect(evaluate(table, { target: 'band', scoreColumns: ['p_yes'], positiveLabel: 'high' })).rejects.toThrow(/3 classes/);
  });

  it('applies quality gates', async () => {
    await expect(
      evaluate(table, { scoreColumns: ['p_yes'], positiveLabel: 'yes', gates: [{ metric: 'recall', op: '>=', value: 0.99 }] }),
    ).rejects.toThrow(/^Quality gate failed: recall 0\.\d+ < 0\.99$/);
  });
});
