// Scores a table with a trained model (a train step's, or a registered version by name) and adds
// the predictions as columns; on the server, the scored table can be saved as the next version of
// a named dataset once the run succeeds.
import { z } from 'zod';
import { UserError } from '../../engine/errors';
import { decodeValue } from '../codec';
import { defineNode, type PipeworksNode } from '../define-node';
import type { ModelArtifact } from '../models/model-artifact';
import { modelNameSchema } from '../models/model-name';
import { predictTable } from '../models/predict';
import { tableInput } from '../port-inputs';
import { readColumns, rebuildTable } from '../clean/rebuild-table';
import { predictionColumns } from './prediction-columns';

const params = z.object({
  model: z
    .union([modelNameSchema, z.literal('')])
    .default('')
    .describe('Registered model to score with when no model is connected; empty to use the connected one'),
  version: z
    .string()
    .trim()
    .regex(/^(latest|[1-9][0-9]*|[a-z][a-z0-9_-]*)$/, 'latest, a version number or an alias such as production')
    .default('latest')
    .describe('With a registered model: latest, a version number, or an alias (e.g. production)'),
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
    'Scores every row of a table with a trained model, connected from a train step or a registered version by ' +
    'name (its preprocessing first, as serving does), and adds ' +
    'the predicted label with per-class probabilities, or the predicted value. With "save as", a server run ' +
    'stores the result as a new version of that dataset.',
  inputs: [
    { name: 'table', kind: 'table', label: 'Table' },
    { name: 'model', kind: 'model', label: 'Model', optional: true },
  ],
  outputs: [{ name: 'table', kind: 'table', label: 'Scored table' }],
  params,
  runsOn: ['browser', 'server'],
  deterministic: true,
  // Where the result is saved does not change it: renaming the dataset never re-scores.
  publishParams: ['saveAs'],
  // A registered version is read by its artifact's hash, so moving an alias re-scores.
  sourceKey: (p, env) => (p.model === '' ? undefined : (env.modelVersionArtifact?.(p.model, p.version) ?? null)),
  // The new columns depend on the model's labels, which are only known once it is trained.
  outputColumns: () => ({ table: null }),
  async run({ inputs, params: p, ctx }) {
    const input = tableInput(inputs, 'table');
    const model = await scoringModel(inputs.model, p, ctx);
    const predictions = await predictTable(model, input, ctx.ml);
    ctx.signal.throwIfAborted();
    const added = predictionColumns(predictions, p.prefix, p.probabilities, input.columns.map((c) => c.name));
    ctx.log('info', `Scored ${input.table.numRows} rows with the ${model.format} model of "${model.target}"; added ${added.map((c) => c.info.name).join(', ')}`);
    ctx.progress(1);
    return { table: rebuildTable(input.table, [...readColumns(input), ...added]) };
  },
});

type Args = Parameters<PipeworksNode<z.output<typeof params>>['run']>[0];

/** The connected model, or the registered version compile resolved (its artifact id is the source key). */
async function scoringModel(connected: Args['inputs'][string] | undefined, p: Args['params'], ctx: Args['ctx']): Promise<ModelArtifact> {
  if (connected !== undefined && p.model !== '') {
    throw new UserError('Score with the connected model or a registered one, not both: clear "model" or remove the wire', { field: 'model' });
  }
  if (connected !== undefined) {
    if (connected.kind !== 'model') throw new Error(`Input "model" is a ${connected.kind}, expected a model`);
    return connected.model;
  }
  if (p.model === '') throw new UserError('Connect a train step\'s model, or name a registered model to score with', { field: 'model' });
  const which = /^\d+$/.test(p.version) ? `v${p.version}` : p.version;
  if (!ctx.sourceKey) {
    throw new UserError(`This project has no registered model "${p.model}" with a version "${which}"`, { field: p.version === 'latest' ? 'model' : 'version' });
  }
  const value = decodeValue('model', await ctx.readArtifact(ctx.sourceKey));
  if (value.kind !== 'model') throw new Error(`Artifact ${ctx.sourceKey} is not a model`);
  ctx.log('info', `Scoring with ${p.model} ${which} (${ctx.sourceKey.slice(0, 12)})`);
  return value.model;
}
