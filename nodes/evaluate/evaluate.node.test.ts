import { describe, expect, it } from 'vitest';
import { canonicalJSON } from '../../engine/canonical-json';
import { UserError } from '../../engine/errors';
import { decodeValue, encodeValue } from '../codec';
import { fakeContext } from '../testing/fake-context';
import { tableFromColumns } from '../table/table-from-columns';
import type { ModelArtifact } from '../models/model-artifact';
import type { JsonObject, PortValue, TableValue } from '../values';
import { createEvaluateModelNode } from './evaluate.node';
import { fakeModel, fakePredictor, scoredTable } from './evaluate.fixture';
import type { Predictions } from './predictor';

const table = scoredTable(400);

async function evaluate(task: Predictions['task'], raw: Record<string, unknown> = {}, options: { model?: ModelArtifact; input?: TableValue } = {}) {
  const predictor = fakePredictor(task);
  const node = createEvaluateModelNode(() => predictor);
  const ctx = fakeContext();
  const inputs: Record<string, PortValue> = { model: { kind: 'model', model: options.model ?? fakeModel(task) }, table: options.input ?? table };
  const outputs = await node.run({ inputs, params: node.params.parse(raw), ctx });
  const value = outputs.metrics;
  if (value.kind !== 'metrics') throw new Error('expected metrics');
  return { metrics: value.metrics as any, value, ctx, predictor };
}

describe('evaluate/model, binary', () => {
  it('reports every binary metric, curves, confusion, cost and importance', async () => {
    const { metrics, ctx } = await evaluate('binary');
    expect(metrics).toMatchObject({ type: 'classification', task: 'binary', source: 'model', target: 'label', labels: ['no', 'yes'] });
    expect(metrics).toMatchObject({ positiveLabel: 'yes', threshold: 0.5, rows: 400, droppedRows: 0 });
    expect(Object.keys(metrics.metrics).sort()).toEqual(
      ['accuracy', 'baseline_saving_pct', 'brier', 'cost_per_1000', 'f1', 'log_loss', 'pr_auc', 'precision', 'recall', 'roc_auc'].sort(),
    );
    expect(metrics.metrics.roc_auc).toBeGreaterThan(0.8);
    expect(metrics.confusion.matrix.flat().reduce((a: number, b: number) => a + b, 0)).toBe(400);
    expect(metrics.curves.roc).toHaveLength(1);
    expect(metrics.curves.roc[0]).toMatchObject({ label: 'yes', auc: metrics.metrics.roc_auc });
    expect(metrics.curves.pr[0].averagePrecision).toBe(metrics.metrics.pr_auc);
    expect(metrics.cost.unit).toBe('cost per 1,000 decisions');
    // Default costs (1 per error, nothing per correct decision) make the cost the error rate per 1,000.
    expect(metrics.cost.atThreshold.costPer1000).toBeCloseTo(1000 * (1 - metrics.metrics.accuracy), 9);
    expect(metrics.importance.features[0].column).toBe('x1');
    expect(metrics.importance).toMatchObject({ metric: 'roc_auc', repeats: 3, rows: 400 });
    expect(metrics.gates).toEqual([]);
    expect(ctx.logs.some((l) => /roc_auc 0\.\d+/.test(l.message))).toBe(true);
    expect(ctx.progressed.at(-1)?.fraction).toBe(1);
  });

  it('prices the no-skill baselines next to the model, and logs the comparison', async () => {
    const { metrics, ctx } = await evaluate('binary', { importance: false, falseNegativeCost: 20, falsePositiveCost: 1 });
    const [[tn, fp], [fn, tp]] = metrics.confusion.matrix;
    const positives = fn + tp;
    const negatives = tn + fp;
    const n = positives + negatives;
    // By hand: nobody flagged misses every positive at 20 each; everyone flagged costs 1 per negative.
    const nobody = (1000 * 20 * positives) / n;
    const everyone = (1000 * negatives) / n;
    const model = (1000 * (20 * fn + fp)) / n;
    expect(metrics.cost.baselines.flagNobody.costPer1000).toBeCloseTo(nobody, 9);
    expect(metrics.cost.baselines.flagEveryone.costPer1000).toBeCloseTo(everyone, 9);
    const best = Math.min(nobody, everyone);
    expect(metrics.cost.vsBaseline.best).toBe(nobody <= everyone ? 'flagNobody' : 'flagEveryone');
    expect(metrics.cost.vsBaseline.savingPer1000).toBeCloseTo(best - model, 9);
    expect(metrics.metrics.baseline_saving_pct).toBeCloseTo((100 * (best - model)) / best, 9);
    expect(metrics.cost.vsBaseline.savingPct).toBe(metrics.metrics.baseline_saving_pct);
    expect(ctx.logs.some((l) => /best no-skill baseline|does not pay for itself/.test(l.message))).toBe(true);
  });

  it('gates on beating the best baseline by a margin', async () => {
    const { metrics } = await evaluate('binary', { importance: false });
    const saving = metrics.metrics.baseline_saving_pct as number;
    const passing = await evaluate('binary', { importance: false, gates: [{ metric: 'baseline_saving_pct', value: Math.floor(saving) }] });
    expect(passing.metrics.gates[0]).toMatchObject({ metric: 'baseline_saving_pct', passed: true });
    const run = evaluate('binary', { importance: false, gates: [{ metric: 'baseline_saving_pct', value: Math.ceil(saving) + 1 }] });
    await expect(run).rejects.toThrow(/^Quality gate failed: baseline_saving_pct \d+(\.\d+)? < \d+$/);
  });

  it('takes the positive label and threshold from the params', async () => {
    const { metrics } = await evaluate('binary', { positiveLabel: 'no', threshold: 0.3, importance: false });
    expect(metrics).toMatchObject({ positiveLabel: 'no', threshold: 0.3 });
    expect(metrics.curves.roc[0].label).toBe('no');
    await expect(evaluate('binary', { positiveLabel: 'maybe' })).rejects.toThrow(/Positive label "maybe"/);
  });

  it('fails the step when a gate fails, with the observed value in the message', async () => {
    const run = evaluate('binary', { importance: false, gates: [{ metric: 'roc_auc', op: '>=', value: 0.999 }] });
    await expect(run).rejects.toThrow(UserError);
    await expect(run).rejects.toThrow(/^Quality gate failed: roc_auc 0\.\d+ < 0\.999$/);
  });

  it('records passing gates in the output', async () => {
    const { metrics } = await evaluate('binary', { importance: false, gates: [{ metric: 'accuracy', value: 0.5 }] });
    expect(metrics.gates).toEqual([{ metric: 'accuracy', op: '>=', value: 0.5, observed: metrics.metrics.accuracy, passed: true }]);
  });

  it('refuses a gate on a metric of another task before predicting', async () => {
    const predictor = fakePredictor('binary');
    const node = createEvaluateModelNode(() => predictor);
    const run = node.run({
      inputs: { model: { kind: 'model', model: fakeModel('binary') }, table },
      params: node.params.parse({ gates: [{ metric: 'r2', value: 0.5 }] }),
      ctx: fakeContext(),
    });
    await expect(run).rejects.toThrow(/"r2", which a binary evaluation does not produce/);
    expect(predictor.calls).toBe(0);
  });

  it('is deterministic and survives the artifact codec', async () => {
    const a = await evaluate('binary', { seed: 3 });
    const b = await evaluate('binary', { seed: 3 });
    expect(canonicalJSON(a.metrics)).toBe(canonicalJSON(b.metrics));
    const decoded = decodeValue('metrics', encodeValue(a.value).bytes);
    expect(decoded).toEqual(a.value);
  });

  it('samples rows for importance and predicts once per column and repeat', async () => {
    const { metrics, predictor } = await evaluate('binary', { importanceMaxRows: 100, importanceRepeats: 2 });
    expect(metrics.importance.rows).toBe(100);
    expect(predictor.calls).toBe(1 + 1 + 3 * 2);
    const off = await evaluate('binary', { importance: false });
    expect(off.metrics.importance).toBeUndefined();
    expect(off.predictor.calls).toBe(1);
  });
});

describe('evaluate/model, multiclass and regression', () => {
  it('gives macro and weighted averages and one curve series per class', async () => {
    const { metrics } = await evaluate('multiclass');
    expect(metrics).toMatchObject({ type: 'classification', task: 'multiclass', labels: ['low', 'mid', 'high'], positiveLabel: null });
    for (const name of ['accuracy', 'f1_macro', 'f1_weighted', 'roc_auc', 'roc_auc_weighted', 'pr_auc', 'log_loss']) {
      expect(typeof metrics.metrics[name], name).toBe('number');
    }
    expect(metrics.curves.roc.map((s: { label: string }) => s.label)).toEqual(['low', 'mid', 'high']);
    expect(metrics.confusion.matrix).toHaveLength(3);
    expect(metrics.cost).toBeUndefined();
    expect(metrics.importance.metric).toBe('accuracy');
  });

  it('gives regression errors and residuals', async () => {
    const { metrics } = await evaluate('regression');
    expect(metrics).toMatchObject({ type: 'regression', task: 'regression', labels: [], target: 'amount' });
    // amount = 2·x1 + 1 + noise in ±0.2 and the fake predicts 2·x1 + 1.
    expect(metrics.metrics.mae).toBeLessThanOrEqual(0.2);
    expect(metrics.metrics.r2).toBeGreaterThan(0.99);
    expect(metrics.residuals.definition).toBe('actual - predicted');
    expect(metrics.importance).toMatchObject({ metric: 'r2' });
    expect(metrics.curves).toBeUndefined();
  });
});

describe('evaluate/model, bad data', () => {
  const withTarget = (values: (string | null)[]): TableValue => {
    const columns = [
      { info: { name: 'x1', type: 'numeric' as const, role: 'feature' as const }, values: values.map((_, i) => i - 2) },
      { info: { name: 'x2', type: 'numeric' as const, role: 'feature' as const }, values: values.map(() => 0) },
      { info: { name: 'colour', type: 'categorical' as const, role: 'feature' as const }, values: values.map(() => 'red') },
      { info: { name: 'label', type: 'categorical' as const, role: 'target' as const }, values },
    ];
    return { kind: 'table', table: tableFromColumns(columns), columns: columns.map((c) => c.info) };
  };

  it('leaves out rows without a target and says so', async () => {
    const { metrics, ctx } = await evaluate('binary', { importance: false }, { input: withTarget(['no', null, 'yes', 'yes', null]) });
    expect(metrics).toMatchObject({ rows: 3, droppedRows: 2 });
    expect(ctx.logs.some((l) => l.level === 'warn' && /Left out 2 rows/.test(l.message))).toBe(true);
  });

  it('names a target value the model never saw', async () => {
    await expect(evaluate('binary', {}, { input: withTarget(['no', 'maybe', 'yes']) })).rejects.toThrow(
      /"label" has the value "maybe" \(row 2\)/,
    );
  });

  it('names the model input columns the table lacks', async () => {
    const model = { ...fakeModel('binary'), inputs: [...fakeModel('binary').inputs, { name: 'age', type: 'numeric' as const, role: 'feature' as const }] };
    await expect(evaluate('binary', {}, { model })).rejects.toThrow(/lacks the column the model reads: "age"/);
  });

  it('refuses an importance metric the task does not produce', async () => {
    await expect(evaluate('regression', { importanceMetric: 'roc_auc' })).rejects.toThrow(/Importance metric "roc_auc"/);
  });

  it('keeps display curves small on large data while metrics use every row', async () => {
    const big = scoredTable(20_000);
    const { metrics } = await evaluate('binary', { importance: false }, { input: big });
    expect(metrics.rows).toBe(20_000);
    expect(metrics.curves.roc[0].fpr.length).toBeLessThanOrEqual(500);
    expect(metrics.curves.roc[0].points).toBeGreaterThan(500);
    expect(metrics.curves.pr[0].precision.length).toBeLessThanOrEqual(500);
    expect(metrics.cost.curve.thresholds.length).toBeLessThanOrEqual(500);
    expect(canonicalJSON(metrics as JsonObject).length).toBeLessThan(200_000);
  });
});
