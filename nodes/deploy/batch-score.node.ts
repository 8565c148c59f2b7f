// Scores a table with a trained model and adds the predictions as columns; on the server, the
// scored table can be saved as the next version of a named dataset once the run succeeds.
import { z } from 'zod';
import { defineNode } from '../define-node';
import { modelInput } from '../evaluate/model-input';
import { predictTable } from '../models/predict';
import { tableInput } from '../port-inputs';
import { readColumns, rebuildTable } from '../clean/rebuild-table';
import { predictionColumns } from './prediction-columns';

const params = z.object({
  prefix: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .default('prediction')
    .describe('Name of the predicted label (or value) column; class probabilities go in "<prefix>_<label>"'),
  probabilities: z.boolean().default(true).describe('Classifiers: add one probability column per class'),
  saveAs: z
    .string()
    .trim()
    .max(100)
    .default('')
    .describe('On the server: save the scored table as a new version of this dataset when the run succeeds; empty to skip'),
});

export const batchScoreNode = defineNode({
  type: 'deploy/batch-score',
  version: 1,
  title: 'Batch score',
  category: 'deploy',
  description:
    'Scores every row of a table with a trained model (its preprocessing first, as serving does) and adds ' +
    'the predicted label with per-class probabilities, or the predicted value. With "save as", a server run ' +
    'stores the result as a new version of that dataset.',
  inputs: [
    { name: 'table', kind: 'table', label: 'Table' },
    { name: 'model', kind: 'model', label: 'Model' },
  ],
  outputs: [{ name: 'table', kind: 'table', label: 'Scored table' }],
  params,
  runsOn: ['browser', 'server'],
  deterministic: true,
  // Where the result is saved does not change it: renaming the dataset never re-scores.
  publishParams: ['saveAs'],
  // The new columns depend on the model's labels, which are only known once it is trained.
  outputColumns: () => ({ table: null }),
  async run({ inputs, params: p, ctx }) {
    const input = tableInput(inputs, 'table');
    const model = modelInput(inputs, 'model');
    const predictions = await predictTable(model, input, ctx.ml);
    ctx.signal.throwIfAborted();
    const added = predictionColumns(predictions, p.prefix, p.probabilities, input.columns.map((c) => c.name));
    ctx.log('info', `Scored ${input.table.numRows} rows with the ${model.format} model of "${model.target}"; added ${added.map((c) => c.info.name).join(', ')}`);
    ctx.progress(1);
    return { table: rebuildTable(input.table, [...readColumns(input), ...added]) };
  },
});
