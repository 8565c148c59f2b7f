// KServe V2 / Open Inference Protocol routes for model metadata, readiness and inference.
import { authorize } from './key-auth';
import { deployed, pickModel, routingOf, score } from './infer';
import { parseJsonBody, readBodyThen, sendJson, sendJsonText } from './http-io';
import type { EndpointState, Routing } from './endpoint-state';
import type { LoadedModel } from './loaded-model';
import { ServeError, badRequest } from './serve-error';
import { LATER, liveEndpoint, type Call, type ServingContext } from './serving-context';
import { V2_OUTPUTS, v2AnswerText } from './v2-answer';
import { decodeV2Fast } from './v2-fast-decode';
import { checkDatatypes, DATATYPES_FOR, decodeV2Request, type V2Request } from './v2-request';

export function parseVersion(text: string | undefined): number | null {
  if (text === undefined) return null;
  const match = /^v?(\d{1,9})$/.exec(text);
  if (!match) throw new ServeError(404, `"${text}" is not a model version; versions are numbers such as 3`);
  return Number(match[1]);
}

export async function v2Metadata(ctx: ServingContext, { req, res, params, observed }: Call): Promise<void> {
  const [name, versionText] = params;
  const state = liveEndpoint(ctx, name);
  observed.endpoint = name;
  authorize(req, state, 'infer');
  const routing = await routingOf(state);
  const { model } = pickModel(routing, name, parseVersion(versionText));
  if (versionText === undefined) observed.version = String(routing.primary.version);
  else observed.version = String(model.version);
  sendJson(res, 200, {
    name,
    versions: deployed(routing).map(([m]) => String(m.version)),
    platform: `pipeworks_${model.format.replace(/^pipeworks\//, '').replace(/[^A-Za-z0-9]+/g, '_')}`,
    inputs: model.inputs.map(({ info }) => ({ name: info.name, datatype: DATATYPES_FOR[info.type][0], shape: [-1] })),
    outputs: outputMetadata(model),
    parameters: { model: state.endpoint.modelName, task: model.task, labels: JSON.stringify(model.labels), scorer: model.scorer.name },
  });
}

function outputMetadata(model: LoadedModel) {
  const { task, labels } = model;
  if (task === 'regression') return [{ name: 'predict', datatype: 'FP64', shape: [-1] }, { name: 'prediction_id', datatype: 'BYTES', shape: [-1] }];
  return [
    { name: 'predict', datatype: 'BYTES', shape: [-1] },
    { name: 'predict_proba', datatype: 'FP64', shape: [-1, labels.length] },
    { name: 'prediction_id', datatype: 'BYTES', shape: [-1] },
  ];
}

export async function v2ModelReady(ctx: ServingContext, { req, res, params, observed }: Call): Promise<void> {
  const [name, versionText] = params;
  const state = liveEndpoint(ctx, name);
  observed.endpoint = name;
  authorize(req, state, 'infer');
  const version = parseVersion(versionText);
  const routing = state.routing;
  const ready = routing !== null && (version === null || deployed(routing).some(([m]) => m.version === version));
  if (routing && version !== null && !ready) pickModel(routing, name, version); // throws the 404 naming what is deployed
  sendJson(res, ready ? 200 : 503, { name, ready });
}

/**
 * Checks what the headers allow at once, then reads the body; the rest runs in the turn its end
 * arrives, with no promise where the model scores synchronously (infer.ts).
 */
export function v2Infer(ctx: ServingContext, call: Call): typeof LATER {
  const { req, params, observed } = call;
  const name = params[0];
  const state = liveEndpoint(ctx, name);
  observed.endpoint = name;
  observed.scoring = true;
  const key = authorize(req, state, 'infer');
  ctx.limiter.take(key.id, key.rateLimitPerMinute ?? state.endpoint.rateLimitPerMinute);
  if (req.headers['inference-header-content-length'] !== undefined) {
    throw badRequest('The binary tensor extension is not supported; send the tensors as JSON "data"');
  }
  readBodyThen(req, state.endpoint.maxBodyBytes, (error, bytes) => {
    if (error) return call.finish(error);
    try {
      // The common shape straight from the bytes; anything else (and every error) the generic way.
      const request = decodeV2Fast(bytes!) ?? decodeV2Request(parseJsonBody(bytes!));
      const pending = state.routing ? answer(ctx, call, state, state.routing, key.id, request) : routingOf(state).then((routing) => answer(ctx, call, state, routing, key.id, request));
      if (pending) pending.then(() => call.finish(), (e: unknown) => call.finish(e));
      else call.finish();
    } catch (e) {
      call.finish(e);
    }
  });
  return LATER;
}

function answer(ctx: ServingContext, call: Call, state: EndpointState, routing: Routing, keyId: string, request: V2Request): void | Promise<void> {
  const { res, params, observed, started } = call;
  const [name, versionText] = params;
  const picked = pickModel(routing, name, parseVersion(versionText));
  observed.version = String(picked.model.version);
  checkDatatypes(request.datatypes, picked.model.inputs);
  const wanted = request.outputs;
  for (const o of wanted ?? []) {
    if (!(V2_OUTPUTS as readonly string[]).includes(o)) throw badRequest(`Unknown output "${o}"; this model answers ${V2_OUTPUTS.join(', ')}`);
  }
  const scored = score(ctx, state, routing, picked, request.table, keyId, started);
  if (scored instanceof Promise) return scored.then((s) => sendJsonText(res, 200, v2AnswerText(name, request.id, s, wanted)));
  sendJsonText(res, 200, v2AnswerText(name, request.id, scored, wanted));
}
