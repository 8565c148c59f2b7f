// PUT /api/artifacts/<sha256>?kind=<port kind>: a runner outside the server (the browser runner)
// hands over an output it produced. HEAD on the same URL says whether the server already has it,
// so an upload is skipped when it would add nothing.
//
// The server trusts nothing it is sent: the bytes must hash to the id in the URL, decode as the
// declared kind, and be the one canonical encoding of that value (nodes/codec.ts encodingProblems:
// for tables one record batch, fixed dictionary and metadata rules), so an artifact's id means the
// same whichever runner produced it. Media type and metadata are derived here from the decoded
// value, never taken from the request.
import { z, ZodError } from 'zod';
import { PORT_KINDS } from '../../engine/port-kinds';
import { decodeValue, encodeValue, encodingProblems } from '../../nodes/codec';
import { resolveUser } from '../api/context';
import { validationMessage } from '../api/errors';
import { audit, auditRouteRefusal } from '../auth/audit';
import { can } from '../auth/roles';
import { getDb } from '../db/client';
import { getEnv } from '../env';
import { hasArtifactFile, isArtifactId, sha256Hex, writeArtifactBytes } from '../store/artifact-files';
import { hasArtifact, recordArtifact } from '../store/artifacts';
import { declaresMoreThan, discardRest, readBodyUpTo } from './body-limit';

const UPLOADABLE = PORT_KINDS.filter((k) => k !== 'deployment');
const kindSchema = z.enum(UPLOADABLE as [string, ...string[]], { message: `kind must be one of ${UPLOADABLE.join(', ')}` });

/**
 * Why the bytes did not decode, in words for the uploader: zod's issues as 'field: problem', a
 * decoder's own message, but never a library's TypeError or RangeError from deep inside
 * ("Cannot read properties of null (reading 'fieldsLength')"); that goes to the log.
 */
function decodeFailure(rawId: string, kind: string, cause: unknown): string {
  if (cause instanceof ZodError) return validationMessage(cause.issues);
  const internal = !(cause instanceof Error) || cause instanceof TypeError || cause instanceof RangeError || cause instanceof ReferenceError;
  if (!internal) return cause.message.split('\n')[0];
  console.warn(`[artifact ${rawId}] ${kind} bytes did not decode`, cause);
  return `they do not decode as ${kind === 'table' ? 'an Arrow IPC file' : 'its JSON form'}`;
}

const error = (status: number, message: string) => Response.json({ error: message }, { status });
const tooLarge = (mb: number) => error(413, `The artifact is larger than the upload limit of ${mb} MB (PIPEWORKS_MAX_UPLOAD_MB)`);

/** Who may hand over artifacts: anyone who may run pipelines (the runner acts for them). */
async function refuse(req: Request): Promise<Response | null> {
  const user = await resolveUser(req.headers);
  if (!user) return error(401, 'Sign in first');
  if (!can(user.role, 'run.start')) {
    const reason = `Your role (${user.role}) may not run pipelines, so it may not upload their outputs`;
    await auditRouteRefusal(getDb().anyDb, user.id, req, reason);
    return error(403, reason);
  }
  return null;
}

async function stored(id: string): Promise<boolean> {
  return (await hasArtifact(getDb().anyDb, id)) && (await hasArtifactFile(getEnv().PIPEWORKS_DATA_DIR, id));
}

export async function artifactExists(req: Request, rawId: string): Promise<Response> {
  const refused = await refuse(req);
  if (refused) return new Response(null, { status: refused.status });
  if (!isArtifactId(rawId)) return new Response(null, { status: 400 });
  return new Response(null, { status: (await stored(rawId)) ? 200 : 404 });
}

export async function uploadArtifact(req: Request, rawId: string): Promise<Response> {
  const refused = await refuse(req);
  if (refused) return refused;
  if (!isArtifactId(rawId)) return error(400, 'An artifact id is the sha256 of its bytes: 64 lowercase hex characters');
  const kind = kindSchema.safeParse(new URL(req.url).searchParams.get('kind') ?? undefined);
  if (!kind.success) return error(400, kind.error.issues[0]?.message ?? 'kind is missing');
  if (await stored(rawId)) {
    await req.body?.cancel();
    return Response.json({ id: rawId, stored: false, reason: 'The server already has this artifact' }, { status: 200 });
  }
  if (!req.body) return error(400, 'The request has no artifact bytes in its body');

  const env = getEnv();
  const maxBytes = env.PIPEWORKS_MAX_UPLOAD_MB * 1024 * 1024;
  if (declaresMoreThan(req, maxBytes)) {
    await discardRest(req.body.getReader());
    return tooLarge(env.PIPEWORKS_MAX_UPLOAD_MB);
  }
  const bytes = await readBodyUpTo(req.body, maxBytes).catch(() => undefined);
  if (bytes === undefined) return error(400, 'The upload did not arrive whole; try again');
  if (bytes === null) return tooLarge(env.PIPEWORKS_MAX_UPLOAD_MB);
  const actual = sha256Hex(bytes);
  if (actual !== rawId) return error(400, `The bytes sent hash to ${actual}, not to ${rawId}: the upload was damaged or the id is wrong`);

  let encoded: ReturnType<typeof encodeValue>;
  let problems: string[];
  try {
    const decoded = decodeValue(kind.data as (typeof UPLOADABLE)[number], bytes);
    problems = encodingProblems(decoded, bytes);
    encoded = encodeValue(decoded);
  } catch (cause) {
    return error(422, `The bytes are not a valid ${kind.data} artifact: ${decodeFailure(rawId, kind.data, cause)}`);
  }
  if (problems.length > 0) {
    return error(422, `The bytes are a ${kind.data}, but not in the canonical encoding every runner writes (one encoding per value, so equal values get equal ids): ${problems.join('; ')}`);
  }
  const written = await writeArtifactBytes(env.PIPEWORKS_DATA_DIR, bytes);
  await recordArtifact(getDb().anyDb, { id: written.id, kind: kind.data, mediaType: encoded.mediaType, size: written.size, meta: encoded.meta });
  await audit(getDb().anyDb, { userId: (await resolveUser(req.headers))?.id ?? null, action: 'artifact.upload', targetType: 'artifact', targetId: written.id, detail: { kind: kind.data, size: written.size } });
  return Response.json({ id: written.id, stored: true }, { status: 201 });
}
