// Evaluates predictions that are already columns of a table (an outside model's scores) with the
// same metrics, curves, cost view and gates as evaluate/model.
import { z } from 'zod';
import { COLUMN_PARAM_KEY } from '../../engine/columns';
import { defineNode } from '../define-node';
import { MODEL_TASKS } from '../models/model-artifact';
import { tableInput } from '../port-inputs';
import { costMatrixOf, costParams, decisionParams, gatesParams } from './evaluate-params';
import { finishReport } from './evaluation';
import { checkGates } from './gates';
import { buildReport } from './metrics-report';
import { dataFromColumns } from './read-scores';

const params = z.object({
  task: z
    .enum(MODEL_TASKS)
    .default('binary')
    .describe('binary: one probability column; multiclass: one probability column per class; regression: one prediction column'),
  target: z
    .string()
    .max(200)
    .default('')
    .describe('Column holding the true values; empty uses the column whose role is target')
    .meta({ [COLUMN_PARAM_KEY]: 'table' }),
  scoreColumns: z
    .array(z.string().max(200).meta({ [COLUMN_PARAM_KEY]: 'table' }))
    .max(1000)
    .default([])
    .describe('Prediction columns: P(positive) for binary, one probability per class for multiclass, the prediction for regression'),
  classLabels: z
    .array(z.string().max(200))
    .max(1000)
    .default([])
    .describe('Multiclass only: the class of each score column, in the same order; empty uses the column names'),
  ...decisionParams,
  ...costParams,
  ...gatesParams,
});

export const evaluatePredictionsNode = defineNode({
  type: 'evaluate/predictions',
  version: 1,
  title: 'Evaluate predictions',
  category: 'evaluate',
  description:
    'Scores predictions already in the table, such as an outside model\'s probabilities, against the ' +
    'target: the same metrics, curves, confusion matrix, cost view and quality gates as Evaluate model.',
  inputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  outputs: [{ name: 'metrics', kind: 'metrics', label: 'Metrics' }],
  params,
  runsOn: ['browser', 'server'],
  deterministic: true,
  async run({ inputs, params: p, ctx }) {
    const input = tableInput(inputs, 'table');
    checkGates(p.gates, p.task);
    const { data, truth } = dataFromColumns(input, p);
    ctx.signal.throwIfAborted();
    const report = buildReport(data, { source: 'predictions', target: truth.column, droppedRows: truth.dropped, cost: costMatrixOf(p) });
    ctx.progress(1);
    return { metrics: finishReport(report, p.gates, ctx) };
  },
});
