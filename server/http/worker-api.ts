// The worker API: what a `pipeworks worker` on any machine uses instead of the server's data
// directory. Every request carries a worker token (server/queue/worker-tokens.ts), looked up anew
// each time, so a revoked token is refused from its next request on with a 401 saying why.
//   GET  /api/worker/config            where the queue is (Redis URL, key prefix, heartbeat period)
//   POST /api/worker/heartbeat         who the worker is, what it has, how busy it is
//   GET  /api/worker/artifacts/<id>    an artifact's bytes
//   HEAD /api/worker/artifacts/<id>    200 when stored, 404 when a PUT would add it
//   PUT  /api/worker/artifacts/<id>    store bytes under their sha256 (the id must match)
//   POST /api/worker/artifacts/missing {"ids": [...]}: which of these the server lacks, in one
//        request: what a worker asks before uploading a step's outputs (HEAD does the same for one
//        id, but fetch closes the connection after every HEAD, so a HEAD per output costs a new
//        TCP connection per step)
import { z } from 'zod';
import { ArtifactMissingError } from '../store/artifact-errors';
import { audit } from '../auth/audit';
import { getDb } from '../db/client';
import { getEnv } from '../env';
import { HEARTBEAT_MS, heartbeatSchema, recordHeartbeat } from '../queue/worker-registry';
import { checkWorkerToken, type WorkerTokenInfo } from '../queue/worker-tokens';
import { validationMessage } from '../api/errors';
import { hasArtifactFile, isArtifactId, readArtifactBytes, writeArtifactStream } from '../store/artifact-files';

const error = (status: number, message: string) => Response.json({ error: message }, { status });

async function authenticate(req: Request): Promise<WorkerTokenInfo | Response> {
  const header = req.headers.get('authorization');
  const raw = header?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? null;
  const checked = await checkWorkerToken(getDb().anyDb, raw);
  return checked.ok ? checked.token : error(401, checked.reason);
}

export async function workerConfig(req: Request): Promise<Response> {
  const token = await authenticate(req);
  if (token instanceof Response) return token;
  const env = getEnv();
  const redisUrl = env.PIPEWORKS_WORKER_REDIS_URL ?? env.PIPEWORKS_REDIS_URL;
  if (!redisUrl) return error(409, 'This server runs steps in its own worker threads, not on a queue: start it with PIPEWORKS_REDIS_URL set to use workers');
  return Response.json({ redisUrl, prefix: env.PIPEWORKS_QUEUE_PREFIX, heartbeatMs: HEARTBEAT_MS, testNodes: env.PIPEWORKS_TEST_NODES });
}

export async function workerHeartbeat(req: Request): Promise<Response> {
  const token = await authenticate(req);
  if (token instanceof Response) return token;
  const beat = await jsonBody(req, heartbeatSchema, 'A heartbeat is a JSON object', 'Heartbeat refused');
  if (beat instanceof Response) return beat;
  await recordHeartbeat(getDb().anyDb, token.id, beat.data);
  return Response.json({ ok: true });
}

export async function workerArtifactGet(req: Request, rawId: string, headOnly = false): Promise<Response> {
  const token = await authenticate(req);
  if (token instanceof Response) return headOnly ? new Response(null, { status: 401 }) : token;
  if (!isArtifactId(rawId)) return error(400, 'An artifact id is the sha256 of its bytes: 64 lowercase hex characters');
  const dataDir = getEnv().PIPEWORKS_DATA_DIR;
  if (headOnly) return new Response(null, { status: (await hasArtifactFile(dataDir, rawId)) ? 200 : 404 });
  try {
    const bytes = await readArtifactBytes(dataDir, rawId);
    return new Response(new Uint8Array(bytes), { headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.byteLength) } });
  } catch (cause) {
    if (cause instanceof ArtifactMissingError) return error(404, `The server has no artifact ${rawId}`);
    console.error(`[worker api] artifact ${rawId}`, cause);
    return error(500, `The server's copy of artifact ${rawId} is damaged`);
  }
}

/** A step's outputs, plus room to spare: a node has a handful of output ports. */
export const MISSING_CHECK_MAX_IDS = 256;
const missingSchema = z.strictObject({ ids: z.array(z.string()).max(MISSING_CHECK_MAX_IDS) });

export async function workerArtifactsMissing(req: Request): Promise<Response> {
  const token = await authenticate(req);
  if (token instanceof Response) return token;
  const parsed = await jsonBody(req, missingSchema, 'The body is a JSON object: {"ids": ["<artifact id>", ...]}', 'Missing-artifact check refused');
  if (parsed instanceof Response) return parsed;
  const bad = parsed.data.ids.find((id): boolean => !isArtifactId(id));
  if (bad !== undefined) return error(400, `"${bad.slice(0, 80)}" is not an artifact id: the sha256 of its bytes, 64 lowercase hex characters`);
  const dataDir = getEnv().PIPEWORKS_DATA_DIR;
  const ids = [...new Set(parsed.data.ids)];
  const present = await Promise.all(ids.map((id) => hasArtifactFile(dataDir, id)));
  return Response.json({ missing: ids.filter((_, i) => !present[i]) });
}

/** Uploads of one id run one after another, so exactly one of them stores it and says so. */
const uploading = new Map<string, Promise<unknown>>();

async function oneAtATime<T>(id: string, fn: () => Promise<T>): Promise<T> {
  const before = uploading.get(id) ?? Promise.resolve();
  const mine = before.then(fn, fn);
  const settled = mine.catch(() => undefined);
  uploading.set(id, settled);
  try {
    return await mine;
  } finally {
    if (uploading.get(id) === settled) uploading.delete(id);
  }
}

export async function workerArtifactPut(req: Request, rawId: string): Promise<Response> {
  const token = await authenticate(req);
  if (token instanceof Response) {
    await req.body?.cancel();
    return token;
  }
  if (!isArtifactId(rawId)) return error(400, 'An artifact id is the sha256 of its bytes: 64 lowercase hex characters');
  if (!req.body) return error(400, 'The request has no artifact bytes in its body');
  const body = req.body;
  const dataDir = getEnv().PIPEWORKS_DATA_DIR;
  return oneAtATime(rawId, async () => {
    if (await hasArtifactFile(dataDir, rawId)) {
      await body.cancel();
      return Response.json({ id: rawId, stored: false }, { status: 200 });
    }
    const written = await writeArtifactStream(dataDir, body as unknown as AsyncIterable<Uint8Array>);
    if (written.id !== rawId) return error(400, `The bytes sent hash to ${written.id}, not to ${rawId}: the upload was damaged or the id is wrong`);
    await audit(getDb().anyDb, { userId: null, action: 'worker.artifact.store', targetType: 'artifact', targetId: written.id, detail: { size: written.size, tokenId: token.id } });
    return Response.json({ id: written.id, stored: true }, { status: 201 });
  });
}

/** The request's JSON body checked by `schema`, or the 400 that says what was wrong with it. */
async function jsonBody<T>(req: Request, schema: z.ZodType<T>, notJson: string, refused: string): Promise<{ data: T } | Response> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return error(400, notJson);
  }
  const parsed = schema.safeParse(body);
  return parsed.success ? { data: parsed.data } : error(400, `${refused}: ${validationMessage(parsed.error.issues)}`);
}
