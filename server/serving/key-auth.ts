// Endpoint keys: `Authorization: Bearer pw_ep_…`, looked up by hash in the endpoint's key map,
// which is re-read whenever the endpoint's revision moves, so a revoked key fails at once.
import type { IncomingMessage } from 'node:http';
import { hashToken } from '../auth/tokens';
import { ENDPOINT_KEY_PREFIX } from '../deployments/endpoint-keys';
import type { EndpointKeyScope } from '../db/schema';
import type { KeyRow } from './endpoint-catalog';
import type { EndpointState } from './endpoint-state';
import { ServeError } from './serve-error';


/** The raw bearer token, or null when the request carries none. */
export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

/**
 * Token → SHA-256, for tokens seen recently: clients send the same key on every request, and the
 * hash cost more than the rest of the check. Only the hashing is cached; the key row (revoked or
 * not) is still looked up per request in the endpoint's key map, which follows every revision.
 */
const hashes = new Map<string, string>();
const MAX_HASHES = 4096;

export function cachedHash(token: string): string {
  let hash = hashes.get(token);
  if (hash === undefined) {
    if (hashes.size >= MAX_HASHES) hashes.clear();
    hash = hashToken(token);
    hashes.set(token, hash);
  }
  return hash;
}

const challenge = { 'www-authenticate': 'Bearer realm="pipeworks-serving"' };

export function authorize(req: IncomingMessage, state: EndpointState, scope: EndpointKeyScope): KeyRow {
  const token = bearerToken(req);
  if (!token) {
    throw new ServeError(401, `This endpoint needs a key: send "Authorization: Bearer ${ENDPOINT_KEY_PREFIX}…" (keys are made on the endpoint's deployment page)`, challenge);
  }
  const key = token.startsWith(ENDPOINT_KEY_PREFIX) ? state.keys.get(cachedHash(token)) : undefined;
  if (!key) throw new ServeError(401, `The key is not a key of endpoint "${state.endpoint.name}"`, challenge);
  if (key.revokedAt !== null) throw new ServeError(401, 'The key was revoked', challenge);
  if (!key.scopes.includes(scope)) throw new ServeError(403, `The key may not ${scope === 'infer' ? 'call the model' : 'post feedback'} (its scopes: ${key.scopes.join(', ') || 'none'})`);
  return key;
}
