// Evaluates a trained model on a table: predicts, then computes the task's metrics, curves,
// confusion matrix, cost view, permutation importance and quality gates.
import { z } from 'zod';
import { UserError } from '../../engine/errors';
import type { MlRuntime } from '../../engine/node-definition';
import { defineNode } from '../define-node';
import type { ModelArtifact } from '../models/model-artifact';
import { tableInput } from '../port-inputs';
import { takeRows } from '../table/take-rows';
import type { TableValue } from '../values';
import { dataFromPredictions } from './data-from-predictions';
import { costMatrixOf, costParams, decisionParams, gatesParams } from './evaluate-params';
import { finishReport } from './evaluation';
import { checkGates } from './gates';
import { importanceMetric } from './importance-metric';
import { METRIC_NAMES } from './metric-catalogue';
import { metricValue } from './metric-values';
import { buildReport } from './metrics-report';
import { modelInput } from './model-input';
import { modelPredictor } from './model-predictor';
import { permutationImportance } from './permutation-importance';
import { checkPredictions, type Predictions, type Predictor } from './predictor';
import { readTruth } from './read-truth';
import { sampleRows } from './shuffle-column';
import { seedParam } from '../seed-param';

const params = z.object({
  ...decisionParams,
  ...costParams,
  importance: z.boolean().default(true).describe('Compute permutation feature importance (re-predicts once per column and repeat)'),
  importanceRepeats: z.number().int().min(1).max(50).default(3).describe('Shuffles per column for permutation importance'),
  importanceMaxRows: z
    .number()
    .int()
    .min(50)
    .max(1_000_000)
    .default(5000)
    .describe('Permutation importance uses at most this many rows, sampled with the seed (metrics use every row)'),
  importanceMetric: z
    .enum(['auto', ...METRIC_NAMES])
    .default('auto')
    .describe('Metric whose drop measures importance; auto is roc_auc (binary), accuracy (multiclass), r2 (regression)'),
  seed: seedParam('Seed of the importance row sample and shuffles: the same seed gives the same numbers'),
  ...gatesParams,
});

export type PredictorFactory = (model: ModelArtifact, ml: MlRuntime) => Predictor;

/** The predictor is injected so tests (and other runtimes) can evaluate without a real model. */
export function createEvaluateModelNode(predictorFor: PredictorFactory) {
  return defineNode({
    type: 'evaluate/model',
    version: 1,
    title: 'Evaluate model',
    category: 'evaluate',
    description:
      'Scores a model on a table with a known target (usually the test split): metrics matching ' +
      'scikit-learn, ROC/PR/calibration curves, confusion matrix, residuals, the cost of decisions ' +
      'per 1,000, permutation importance, and quality gates that fail the run.',
    inputs: [
      { name: 'model', kind: 'model', label: 'Model' },
      { name: 'table', kind: 'table', label: 'Table' },
    ],
    outputs: [{ name: 'metrics', kind: 'metrics', label: 'Metrics' }],
    params,
    runsOn: ['browser', 'server'],
    deterministic: true,
    async run({ inputs, params: p, ctx }) {
      const model = modelInput(inputs, 'model');
      const input = tableInput(inputs, 'table');
      checkGates(p.gates, model.task);
      const importance = p.importance ? importanceMetric(p.importanceMetric, model.task) : undefined;
      assertHasInputs(model, input);
      const truth = readTruth(input, model.target);
      const predict = predictorFor(model, ctx.ml);
      const decision = { positiveLabel: p.positiveLabel, threshold: p.threshold };
      const cost = costMatrixOf(p);

      ctx.progress(0.05, 'Predicting');
      const predictions = await predict(input);
      checkPredictions(predictions, input.table.numRows, model.task);
      const data = dataFromPredictions(predictions, truth, decision);
      ctx.progress(0.3, 'Computing metrics');
      const report = buildReport(data, { source: 'model', target: model.target, droppedRows: truth.dropped, cost });

      if (importance && model.inputs.length > 0) {
        const rows = sampleRows(truth.rows, p.importanceMaxRows, p.seed);
        const sample: TableValue = { ...input, table: takeRows(input.table, rows) };
        const sampleTruth = readTruth(sample, model.target);
        const score = (pr: Predictions) => {
          checkPredictions(pr, rows.length, model.task);
          return metricValue(dataFromPredictions(pr, sampleTruth, decision), importance.metric, cost.matrix);
        };
        report.importance = await permutationImportance(sample, predict, score, {
          columns: model.inputs.map((c) => c.name),
          ...importance,
          repeats: p.importanceRepeats,
          seed: p.seed,
          signal: ctx.signal,
          onProgress: (f) => ctx.progress(0.35 + 0.6 * f, 'Permutation importance'),
        });
      }
      ctx.progress(1);
      return { metrics: finishReport(report, p.gates, ctx) };
    },
  });
}

function assertHasInputs(model: ModelArtifact, input: TableValue): void {
  const names = new Set(input.columns.map((c) => c.name));
  const missing = model.inputs.filter((c) => !names.has(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    throw new UserError(
      `The table lacks ${missing.length === 1 ? 'the column' : 'columns'} the model reads: ${missing.map((m) => `"${m}"`).join(', ')}`,
      { column: missing[0] },
    );
  }
}

export const evaluateModelNode = createEvaluateModelNode(modelPredictor);
