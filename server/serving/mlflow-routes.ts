// MLflow-style scoring: POST /endpoints/{name}/invocations, and POST /invocations where the key
// names the endpoint (every key belongs to exactly one endpoint, so that is never ambiguous).
// Answers {"predictions": [...]} like MLflow's scoring server, plus `probabilities` (classifiers)
// and `prediction_ids` (when the request was logged) as extra top-level fields, as MLflow adds metadata.
import { ENDPOINT_KEY_PREFIX } from '../deployments/endpoint-keys';
import { authorize, bearerToken, cachedHash } from './key-auth';
import { pickModel, predictedValues, routingOf, rowOutput, score } from './infer';
import { parseJsonBody, readBody, sendJson } from './http-io';
import { decodeMlflowRequest } from './mlflow-request';
import { ServeError } from './serve-error';
import { liveEndpoint, type Call, type ServingContext } from './serving-context';

export async function mlflowInvocations(ctx: ServingContext, call: Call): Promise<void> {
  const { req, res, observed, started } = call;
  const name = call.params[0] ?? endpointOfKey(ctx, call);
  const state = liveEndpoint(ctx, name);
  observed.endpoint = name;
  observed.scoring = true;
  const key = authorize(req, state, 'infer');
  ctx.limiter.take(key.id, key.rateLimitPerMinute ?? state.endpoint.rateLimitPerMinute);
  const type = (req.headers['content-type'] ?? 'application/json').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw new ServeError(415, `Content-Type ${type} is not accepted; send application/json with dataframe_split, dataframe_records, instances or inputs`);
  }
  const body = parseJsonBody(await readBody(req, state.endpoint.maxBodyBytes));
  const routing = await routingOf(state);
  const picked = pickModel(routing, name, null);
  observed.version = String(picked.model.version);
  const request = decodeMlflowRequest(body, picked.model.inputs.map((i) => i.info.name));
  const scored = await score(ctx, state, routing, picked, request, key.id, started);
  const p = scored.predictions;
  const rows = request.rows;
  const answer: Record<string, unknown> = { predictions: predictedValues(p) };
  if (p.task !== 'regression') answer.probabilities = Array.from({ length: rows }, (_, r) => rowOutput(p, r).probabilities);
  if (scored.predictionIds) answer.prediction_ids = scored.predictionIds;
  if (scored.unseen.length) answer.unseen_categories = scored.unseen;
  sendJson(res, 200, answer, { 'x-model-version': String(scored.model.version) });
}

function endpointOfKey(ctx: ServingContext, { req }: Call): string {
  const token = bearerToken(req);
  if (!token) throw new ServeError(401, `POST /invocations finds its endpoint by key: send "Authorization: Bearer ${ENDPOINT_KEY_PREFIX}…", or call /endpoints/{name}/invocations`);
  const name = token.startsWith(ENDPOINT_KEY_PREFIX) ? ctx.catalog.endpointNameForKey(cachedHash(token)) : null;
  if (!name) throw new ServeError(401, 'The key is not a live key of any deployed endpoint');
  return name;
}
