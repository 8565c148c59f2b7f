// POST /api/models/import?projectId=P&name=N&signature=JSON[&description=D]; the body is the .onnx
// file's bytes. It becomes the next version of model N in project P (server/registry/import-onnx.ts).
// A refusal is a 400 { error, field } naming the form field; never a 500 for what was sent.
import { z } from 'zod';
import { UserError } from '../../engine/errors';
import { modelNameSchema } from '../../nodes/models/model-name';
import { resolveUser } from '../api/context';
import { auditRouteRefusal } from '../auth/audit';
import { can } from '../auth/roles';
import { getDb } from '../db/client';
import { getEnv } from '../env';
import { importOnnxVersion } from '../registry/import-onnx';
import { declaresMoreThan, discardRest, readBodyUpTo } from './body-limit';

const querySchema = z.object({
  projectId: z.string().min(1, 'choose a project').max(64),
  name: modelNameSchema,
  description: z.string().max(2000).optional(),
  signature: z.string().min(1, 'the signature is missing').max(1_000_000),
});

const refuse = (status: number, error: string, field?: string) => Response.json({ error, field }, { status });

export async function importModel(req: Request): Promise<Response> {
  const user = await resolveUser(req.headers);
  if (!user) return refuse(401, 'Sign in first');
  if (!can(user.role, 'model.register')) {
    const reason = `Your role (${user.role}) may not register models`;
    await auditRouteRefusal(getDb().anyDb, user.id, req, reason);
    return refuse(403, reason);
  }
  const query = querySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) {
    const issue = query.error.issues[0];
    const field = String(issue.path[0] ?? 'query');
    return refuse(400, `${field}: ${issue.message}`, field);
  }
  let signature: unknown;
  try {
    signature = JSON.parse(query.data.signature);
  } catch {
    return refuse(400, 'signature: not valid JSON', 'signature');
  }
  if (!req.body) return refuse(400, 'The request has no .onnx file in its body', 'file');
  const env = getEnv();
  const maxBytes = env.PIPEWORKS_MAX_UPLOAD_MB * 1024 * 1024;
  const tooLarge = () => refuse(413, `The file is larger than the upload limit of ${env.PIPEWORKS_MAX_UPLOAD_MB} MB (PIPEWORKS_MAX_UPLOAD_MB)`, 'file');
  if (declaresMoreThan(req, maxBytes)) {
    await discardRest(req.body.getReader());
    return tooLarge();
  }
  const bytes = await readBodyUpTo(req.body, maxBytes).catch(() => undefined);
  if (bytes === undefined) return refuse(400, 'The upload did not arrive whole; try again', 'file');
  if (bytes === null) return tooLarge();
  if (bytes.byteLength === 0) return refuse(400, 'The file is empty', 'file');
  const { anyDb } = getDb();
  try {
    const { projectId, name, description } = query.data;
    const version = await importOnnxVersion(anyDb, env.PIPEWORKS_DATA_DIR, { projectId, modelName: name, description, bytes, signature, userId: user.id });
    return Response.json(version);
  } catch (error) {
    if (error instanceof UserError) return refuse(400, error.message, error.details.field);
    console.error('[models] ONNX import failed', error);
    return refuse(500, 'Internal error; see the server log');
  }
}
