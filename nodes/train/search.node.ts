// 'train/hyperparameter-search': tries N settings of one estimator (a grid, or random draws from
// lists and ranges), fits each on the train input, ranks them on the validation input, and
// outputs the best model plus a report of every trial. Not deterministic: it may train an MLP.
import { z } from 'zod';
import { UserError } from '../../engine/errors';
import { defineNode } from '../define-node';
import type { ModelValue } from '../models/model-artifact';
import { tableInput } from '../port-inputs';
import { mulberry32 } from '../split/prng';
import type { Report, ReportValue } from '../values';
import { prepareTraining } from './prepare-training';
import { SEARCH_ALGORITHMS, SEARCHABLE } from './search-estimators';
import { higherIsBetter, resolveMetric, SEARCH_METRICS } from './search-metric';
import { gridPoints, gridSize, randomPoints, searchSpaceSchema } from './search-space';
import { runTrials } from './search-trials';
import { commonTrainShape, TRAIN_PUBLISH_PARAMS, type CommonTrainParams } from './train-params';

const searchShape = {
  algorithm: z.enum(SEARCH_ALGORITHMS).default('tfjs/mlp').describe('The estimator to tune, by model format'),
  strategy: z
    .enum(['grid', 'random'])
    .default('random')
    .describe('grid: every combination of the listed values; random: nTrials draws from lists and ranges'),
  nTrials: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(10)
    .describe('Trials for random search; for a grid, the most combinations allowed to run'),
  metric: z
    .enum(SEARCH_METRICS)
    .default('auto')
    .describe('Validation metric that picks the best trial; auto is ROC AUC for classification, R² for regression'),
  space: searchSpaceSchema
    .default({})
    .describe(
      'Per estimator param: a list of values, e.g. {"learningRate": [0.001, 0.01]}, or for random search a ' +
        'range {"min": 0.0001, "max": 0.1, "scale": "log", "integer": false}; other params keep their defaults',
    ),
};

const params = z.object({ ...commonTrainShape({ tasks: ['classification', 'regression'] }), ...searchShape });
type SearchParams = CommonTrainParams & z.output<z.ZodObject<typeof searchShape>>;

export const hyperparameterSearchNode = defineNode<SearchParams>({
  type: 'train/hyperparameter-search',
  version: 1,
  title: 'Hyperparameter search',
  category: 'train',
  description:
    'Tunes one estimator: a grid over listed values or random draws (lists, uniform or log-uniform ranges). ' +
    'Every trial is fitted on the train input with the same preprocessing and seed and scored on the ' +
    'validation input; the best model is the output and the report lists every trial with its duration.',
  inputs: [
    { name: 'train', kind: 'table', label: 'Train' },
    { name: 'validation', kind: 'table', label: 'Validation' },
  ],
  outputs: [
    { name: 'model', kind: 'model', label: 'Best model' },
    { name: 'report', kind: 'report', label: 'Trials' },
  ],
  params: params as unknown as z.ZodType<SearchParams>,
  runsOn: ['browser', 'server'],
  deterministic: false,
  publishParams: TRAIN_PUBLISH_PARAMS,
  async run({ inputs, params: p, ctx }) {
    const entry = SEARCHABLE[p.algorithm];
    const unknown = Object.keys(p.space).filter((name) => !(name in entry.shape));
    if (unknown.length) {
      throw new UserError(
        `${p.algorithm} has no param ${unknown.map((u) => `"${u}"`).join(', ')}; it has ${Object.keys(entry.shape).join(', ')}`,
        { field: 'space' },
      );
    }
    if (Object.keys(p.space).length === 0) throw new UserError('Add at least one param to the search space', { field: 'space' });
    const points = searchPoints(p);
    const prepared = prepareTraining(tableInput(inputs, 'train'), tableInput(inputs, 'validation'), p, entry.tasks);
    const metric = resolveMetric(p.metric, prepared.fitTarget);
    ctx.log('info', `Searching ${p.algorithm}: ${points.length} ${p.strategy} trials ranked by validation ${metric}`);
    const { trials, best } = await runTrials(entry, points, prepared, metric, ctx, p.seed);
    const bestTrial = best.trial;
    ctx.log('info', `Best: trial ${bestTrial.trial}, ${metric} ${bestTrial.value!.toFixed(4)}, ${JSON.stringify(bestTrial.params)}`);
    const report: Report = {
      type: 'search',
      title: `Hyperparameter search: ${p.algorithm}`,
      algorithm: p.algorithm,
      strategy: p.strategy,
      metric,
      direction: higherIsBetter(metric) ? 'maximize' : 'minimize',
      validationRows: prepared.validation!.X.rows,
      best: { trial: bestTrial.trial, params: bestTrial.params, value: bestTrial.value },
      trials: trials.map((t) => ({ ...t })),
    };
    const model = { ...best.model, training: { ...best.model.training, search: { trial: bestTrial.trial, metric, value: bestTrial.value } } };
    return { model: { kind: 'model', model } satisfies ModelValue, report: { kind: 'report', report } satisfies ReportValue };
  },
});

function searchPoints(p: SearchParams) {
  if (p.strategy === 'random') return randomPoints(p.space, p.nTrials, mulberry32((p.seed ^ 0x5ea4c4) >>> 0));
  const size = gridSize(p.space);
  if (size > p.nTrials) {
    throw new UserError(
      Number.isFinite(size)
        ? `The grid has ${size} combinations, more than nTrials (${p.nTrials}); raise nTrials or shorten the lists`
        : 'A grid needs a list of values for every param; use random search for ranges',
      { field: Number.isFinite(size) ? 'nTrials' : 'space' },
    );
  }
  return gridPoints(p.space);
}
