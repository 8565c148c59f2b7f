// Deploys a model to a named endpoint. The node itself only checks what it was given: nodes touch
// no database, so the server runner applies the deployment right after this step runs
// (server/deployments/deploy-step.ts), gates and approval included, and a refusal fails the step.
import { z } from 'zod';
import { UserError } from '../../engine/errors';
import { defineNode } from '../define-node';
import { checkGates, gatesParam } from '../evaluate/gates';
import { METRIC_NAMES } from '../evaluate/metric-catalogue';
import { modelNameSchema } from '../models/model-name';
import { endpointNameSchema } from './endpoint-name';

export const DEPLOY_MODES = ['replace', 'canary', 'shadow'] as const;

const params = z.object({
  endpoint: z
    .union([endpointNameSchema, z.literal('')])
    .default('')
    .describe('Endpoint name, as clients put it in the URL (lower-case letters, digits, dashes); created on first deploy'),
  model: z
    .union([modelNameSchema, z.literal('')])
    .default('')
    .describe('Registered model: with a model connected, it is registered as this model\'s next version first; without, the version below of this model is deployed'),
  version: z
    .string()
    .trim()
    .regex(/^(latest|[1-9][0-9]*|[a-z][a-z0-9_-]*)$/, 'latest, a version number or an alias such as production')
    .default('latest')
    .describe('Without a model connected: latest, a version number, or an alias (e.g. staging)'),
  mode: z.enum(DEPLOY_MODES).default('replace').describe('replace: the new version answers every request; canary: it answers a share; shadow: it scores silently beside the live one'),
  canaryPercent: z.number().int().min(1).max(99).default(10).describe('Canary only: percent of requests the new version answers'),
  gates: gatesParam.describe('Deploy only when the version\'s metrics pass these, e.g. roc_auc >= 0.85'),
  championMetric: z.enum(['none', ...METRIC_NAMES]).default('none').describe('Deploy only when the version beats the one serving now on this metric (none: no comparison)'),
  championMargin: z.number().min(0).default(0).describe('By how much it must beat the version serving now, in the metric\'s units'),
});
export type DeployParams = z.infer<typeof params>;

export const deployNode = defineNode({
  type: 'deploy/endpoint',
  version: 1,
  title: 'Deploy to endpoint',
  category: 'deploy',
  description:
    'Serves a model at a named endpoint (KServe V2 and MLflow invocations): a train step\'s model, registered as a ' +
    'new version first, or a registered version. Replace, canary or shadow; gates on its metrics and "beats the ' +
    'version serving now" first, and a manager\'s approval where the project asks for one. Runs on the server.',
  inputs: [
    { name: 'model', kind: 'model', label: 'Model', optional: true },
    { name: 'evaluation', kind: 'metrics', label: 'Evaluation (deploy after it)', optional: true },
  ],
  outputs: [],
  params,
  runsOn: ['server'],
  // A deploy changes the world each time it runs: it is never a cache hit.
  deterministic: false,
  async run({ inputs, params: p, ctx }) {
    if (ctx.runtime !== 'server') throw new UserError('Deploy runs on the server only: set this node\'s placement to server or auto');
    if (p.endpoint === '') throw new UserError('Name the endpoint to deploy to, e.g. fraud-scoring', { field: 'endpoint' });
    const model = inputs.model;
    if (model !== undefined && model.kind !== 'model') throw new Error(`Input "model" is a ${model.kind}, expected a model`);
    if (p.model === '') {
      throw new UserError(model ? 'Name the registered model this model becomes a version of' : 'Connect a train step\'s model, or name a registered model to deploy a version of', { field: 'model' });
    }
    if (model) checkGates(p.gates, model.model.task);
    const what = model ? `the connected ${model.model.format} model as the next version of "${p.model}"` : `${p.model} ${/^\d+$/.test(p.version) ? `v${p.version}` : p.version}`;
    const how = p.mode === 'canary' ? `as a canary taking ${p.canaryPercent}% of requests` : p.mode === 'shadow' ? 'as a shadow' : 'replacing what serves now';
    ctx.log('info', `Deploying ${what} to endpoint "${p.endpoint}" ${how}`);
    return {};
  },
});
