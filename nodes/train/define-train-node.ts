// Turns an Estimator and its params schema into a train node: inputs 'train' and optional
// 'validation' tables, output 'model'. The MLP and search nodes reuse trainModel and fitContext.
import type { z } from 'zod';
import type { NodeRunContext } from '../../engine/node-definition';
import { defineNode, type PipeworksNode } from '../define-node';
import type { ModelArtifact, ModelValue } from '../models/model-artifact';
import { tableInput } from '../port-inputs';
import type { JsonObject, PortValue, TableValue } from '../values';
import type { Estimator, FitContext } from './estimator';
import type { PreprocessOptions } from './preprocess-options';
import { prepareTraining, type PreparedTraining } from './prepare-training';
import type { TaskFamily } from './target-encoding';
import { TRAIN_PUBLISH_PARAMS, trainParamsSchema, type TrainParams } from './train-params';

export interface TrainNodeSpec<S extends z.ZodRawShape> {
  type: string;
  version?: number;
  title: string;
  description: string;
  estimator: Estimator<z.output<z.ZodObject<S>>>;
  /** The estimator's own params (each with .describe()); they sit beside the shared ones. */
  params: S;
  tasks: readonly TaskFamily[];
  preprocessDefaults?: Partial<PreprocessOptions>;
}

export function defineTrainNode<S extends z.ZodRawShape>(
  spec: TrainNodeSpec<S>,
): PipeworksNode<TrainParams<z.output<z.ZodObject<S>>>> {
  const estimatorKeys = Object.keys(spec.params);
  return defineNode({
    type: spec.type,
    version: spec.version ?? 1,
    title: spec.title,
    category: 'train',
    description: spec.description,
    inputs: [
      { name: 'train', kind: 'table', label: 'Train' },
      { name: 'validation', kind: 'table', label: 'Validation', optional: true },
    ],
    outputs: [{ name: 'model', kind: 'model', label: 'Model' }],
    params: trainParamsSchema(spec.params, { tasks: spec.tasks, preprocessDefaults: spec.preprocessDefaults }),
    runsOn: ['browser', 'server'],
    deterministic: true,
    publishParams: TRAIN_PUBLISH_PARAMS,
    // The table as read, its float feature matrix after one-hot encoding, and the split and
    // validation copies: about four times the data it depends on.
    memoryNeed: (_params, dataBytes) => (dataBytes === undefined ? undefined : 4 * dataBytes),
    async run({ inputs, params, ctx }) {
      const prepared = prepareTraining(tableInput(inputs, 'train'), optionalTable(inputs, 'validation'), params, spec.tasks);
      const estimatorParams = pick(params, estimatorKeys) as z.output<z.ZodObject<S>>;
      const model = await trainModel(spec.estimator, estimatorParams, prepared, ctx, params.seed);
      return { model: { kind: 'model', model } satisfies ModelValue };
    },
  });
}

/** Fits `estimator` on prepared data and assembles the artifact; logs the summary and notes. */
export async function trainModel<P>(
  estimator: Estimator<P>,
  params: P,
  prepared: PreparedTraining,
  ctx: NodeRunContext,
  seed: number,
): Promise<ModelArtifact> {
  for (const note of prepared.notes) ctx.log('warn', note);
  const { X, task, labels, leftOut } = prepared;
  if (leftOut.length > 0) ctx.log('info', `Left out of the features: ${leftOut.map((c) => `"${c.name}" (role ${c.role})`).join(', ')}`);
  ctx.log(
    'info',
    `Training ${estimator.format} (${task}${labels.length ? `: ${labels.join(', ')}` : ''}) on ${X.rows} rows, ` +
      `${prepared.inputs.length} input columns → ${X.cols} features after preprocessing` +
      (prepared.validation ? `; validation ${prepared.validation.X.rows} rows` : ''),
  );
  ctx.signal.throwIfAborted();
  const started = performance.now();
  const fitted = await estimator.fit(X, prepared.fitTarget, params, fitContext(ctx, seed, prepared.validation));
  const seconds = (performance.now() - started) / 1000;
  ctx.signal.throwIfAborted();
  ctx.log('info', `Trained in ${seconds.toFixed(2)} s: ${summarise(fitted.training)}`);
  ctx.progress(1, 'Trained');
  return {
    format: estimator.format,
    task,
    target: prepared.target,
    inputs: prepared.inputs,
    preprocessing: prepared.preprocessing,
    labels,
    payload: fitted.payload,
    training: {
      ...fitted.training,
      params: toJson(params),
      rows: X.rows,
      features: X.cols,
      // Only when some column was left out, so models of tables without one keep their bytes.
      ...(leftOut.length > 0 ? { leftOut: leftOut.map(({ name, role }) => ({ name, role })) } : {}),
      ...(prepared.validation ? { validationRows: prepared.validation.X.rows } : {}),
    },
  };
}

/** The FitContext for one fit, wired to the node's context. */
export function fitContext(ctx: NodeRunContext, seed: number, validation?: FitContext['validation']): FitContext {
  return {
    signal: ctx.signal,
    seed,
    ml: ctx.ml,
    log: (level, message) => ctx.log(level, message),
    progress: (fraction, message, data) => ctx.progress(Math.min(1, Math.max(0, fraction)), message, data),
    reportBackend: (backend, note) => ctx.reportBackend(backend, note),
    ...(validation ? { validation } : {}),
  };
}

function optionalTable(inputs: Record<string, PortValue>, name: string): TableValue | undefined {
  return inputs[name] === undefined ? undefined : tableInput(inputs, name);
}

function pick(params: object, keys: readonly string[]): Record<string, unknown> {
  const source = params as Record<string, unknown>;
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}

function toJson(value: unknown): JsonObject {
  return JSON.parse(JSON.stringify(value)) as JsonObject;
}

/** "iterations 12, loss 0.081" from the estimator's training record, numbers only. */
function summarise(training: JsonObject): string {
  const parts = Object.entries(training)
    .filter(([, v]) => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean')
    .map(([k, v]) => `${k} ${typeof v === 'number' && !Number.isInteger(v) ? v.toPrecision(4) : String(v)}`);
  return parts.length ? parts.join(', ') : 'done';
}
