// 'tfjs/mlp': a multilayer perceptron classifier (sigmoid for two classes, softmax for more) or
// regressor, trained with minibatch Adam on TF.js — wasm on the server, whatever the browser
// offers there. The backend really used is reported, with why any earlier one was passed over.
import { UserError } from '../../engine/errors';
import type { MlRuntime } from '../../engine/node-definition';
import { mlpOnnx } from '../onnx/mlp-onnx';
import type { JsonObject } from '../values';
import type { Estimator, FitContext, FitTarget, Matrix } from './estimator';
import { predictRows } from './mlp-forward';
import { layerSlots, type MlpSpec } from './mlp-layout';
import type { MlpParams } from './mlp-params';
import { decodeMlpPayload, encodeMlpPayload, type MlpModel } from './mlp-payload';
import { outputUnits, targetScale, toMlpRows } from './mlp-rows';
import { trainMlp, type EpochRecord } from './mlp-train';
import { initTf } from './tf-backend';

export const MLP_FORMAT = 'tfjs/mlp';

export const mlpEstimator: Estimator<MlpParams> = {
  format: MLP_FORMAT,
  async fit(X, target, params, ctx) {
    checkFitInput(X, target);
    const { tf, backend, note } = await initTf(ctx.ml);
    ctx.reportBackend(backend, note);
    const spec = mlpSpec(X.cols, target, params);
    const scale = targetScale(target);
    const data = toMlpRows(X, target, scale);
    const validation = ctx.validation ? toMlpRows(ctx.validation.X, ctx.validation.target, scale) : undefined;
    const earlyStopping = params.earlyStopping && validation !== undefined && validation.rows > 0;
    if (params.earlyStopping && !earlyStopping) {
      ctx.log('info', 'Early stopping needs a validation input; training for every epoch');
    }
    const result = await trainMlp(
      tf,
      spec,
      data,
      validation,
      { ...params, earlyStopping, seed: ctx.seed, lossScale: scale ? scale.std ** 2 : 1 },
      {
        signal: ctx.signal,
        onEpoch: (record, fraction) => reportEpoch(ctx, record, fraction, params.epochs),
        warn: (message) => ctx.log('warn', message),
      },
    );
    if (result.stoppedEarly) {
      ctx.log('info', `Early stopping after epoch ${result.history.length}; kept the weights of epoch ${result.bestEpoch}`);
    }
    const last = result.history[result.bestEpoch - 1];
    const training: JsonObject = {
      algorithm: MLP_FORMAT,
      backend,
      epochs: result.history.length,
      bestEpoch: result.bestEpoch,
      stoppedEarly: result.stoppedEarly,
      loss: last.loss,
      ...(last.valLoss !== undefined ? { valLoss: last.valLoss } : {}),
      ...(last.valAccuracy !== undefined ? { valAccuracy: last.valAccuracy } : {}),
      history: result.history.map((r) => ({ ...r })),
    };
    return { payload: encodeMlpPayload({ spec, theta: result.theta, ...(scale ? { targetScale: scale } : {}) }), training };
  },
  async predict(payload, X, ml) {
    return predictMlp(decodeMlpPayload(payload), X, ml);
  },
  toOnnx(payload, graph, features) {
    return mlpOnnx(graph, features, decodeMlpPayload(payload));
  },
};

export function mlpSpec(inputs: number, target: FitTarget, params: Pick<MlpParams, 'hiddenLayers' | 'activation'>): MlpSpec {
  const outputs = outputUnits(target);
  const output = target.kind === 'regression' ? 'linear' : outputs === 1 ? 'sigmoid' : 'softmax';
  return { inputs, hidden: [...params.hiddenLayers], activation: params.activation, outputs, output };
}

/** Classifiers: rows × classes probabilities (two columns for binary); regression: rows × 1. */
export async function predictMlp(model: MlpModel, X: Matrix, ml: MlRuntime): Promise<Float64Array> {
  const { spec, theta } = model;
  if (X.cols !== spec.inputs) throw new UserError(`The MLP expects ${spec.inputs} features, got ${X.cols}`);
  const { tf } = await initTf(ml);
  const weights = tf.tensor1d(theta);
  let out: Float32Array;
  try {
    out = await predictRows(tf, spec, weights, layerSlots(spec), Float32Array.from(X.data), X.rows);
  } finally {
    weights.dispose();
  }
  if (spec.output === 'softmax') return Float64Array.from(out);
  const result = new Float64Array(spec.output === 'sigmoid' ? X.rows * 2 : X.rows);
  for (let i = 0; i < X.rows; i++) {
    if (spec.output === 'sigmoid') {
      result[2 * i] = 1 - out[i];
      result[2 * i + 1] = out[i];
    } else {
      result[i] = model.targetScale ? out[i] * model.targetScale.std + model.targetScale.mean : out[i];
    }
  }
  return result;
}

function checkFitInput(X: Matrix, target: FitTarget): void {
  if (X.rows === 0) throw new UserError('The MLP needs at least one training row');
  if (X.cols === 0) throw new UserError('The MLP needs at least one feature');
  if (target.kind === 'classification' && target.classes < 2) {
    throw new UserError('The MLP classifier needs at least two classes in the training rows');
  }
}

function reportEpoch(ctx: FitContext, r: EpochRecord, fraction: number, epochs: number): void {
  const parts = [`loss ${r.loss.toPrecision(4)}`];
  if (r.valLoss !== undefined) parts.push(`val loss ${r.valLoss.toPrecision(4)}`);
  if (r.valAccuracy !== undefined) parts.push(`val accuracy ${r.valAccuracy.toFixed(4)}`);
  ctx.progress(fraction, `Epoch ${r.epoch}/${epochs}: ${parts.join(', ')}`, { ...r });
}
