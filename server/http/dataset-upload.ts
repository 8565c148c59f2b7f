// POST /api/datasets/upload?name=N&filename=F[&options=JSON]; the body is the file's raw bytes.
// Streamed to a temp file (the size limit enforced on the way), parsed in a worker thread, stored
// as a new dataset version. A bad file is a 400 with the message, line and column, one over the
// size limit a 413, a full data disk a 507; never a 500.
import { rm } from 'node:fs/promises';
import { z } from 'zod';
import { tooLargeError } from '../../nodes/ingest/csv/csv-error';
import { csvOptionsSchema } from '../../nodes/ingest/csv/csv-options';
import { resolveUser } from '../api/context';
import { audit, auditRouteRefusal } from '../auth/audit';
import { can } from '../auth/roles';
import { getDb } from '../db/client';
import { datasetNameSchema } from '../datasets/dataset-name';
import { recordDatasetVersion } from '../datasets/dataset-store';
import { ingestLimits } from '../datasets/ingest-limits';
import { runIngestInWorker } from '../datasets/ingest-pool';
import { rejection, type IngestRejection } from '../datasets/ingest-result';
import { saveUpload } from '../datasets/save-upload';
import { versionSummary } from '../datasets/version-summary';
import { getEnv } from '../env';
import { isDiskFull } from '../store/artifact-errors';
import { tempDir } from '../store/artifact-files';

const querySchema = z.object({
  name: datasetNameSchema,
  filename: z.string().trim().min(1).max(255).default('upload.csv'),
  options: z
    .string()
    .max(20_000)
    .optional()
    .transform((raw, ctx) => {
      try {
        return raw ? JSON.parse(raw) : {};
      } catch {
        ctx.addIssue({ code: 'custom', message: 'options must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(csvOptionsSchema),
});

const refusal = (status: 400 | 413, error: IngestRejection) => Response.json({ error: error.message, line: error.line, column: error.column, columnName: error.columnName }, { status });
const bad = (error: IngestRejection) => refusal(400, error);
/** 507 Insufficient Storage: nothing was wrong with the file; the server had no room to keep it. */
const diskFull = () => Response.json({ error: 'The disk is full: the server has no room to keep this upload. Free space on the data disk, then upload again.' }, { status: 507 });

export async function uploadDataset(req: Request): Promise<Response> {
  const user = await resolveUser(req.headers);
  if (!user) return Response.json({ error: 'Sign in first' }, { status: 401 });
  if (!can(user.role, 'pipeline.write')) {
    await auditRouteRefusal(getDb().anyDb, user.id, req, `Your role (${user.role}) may not upload datasets`);
    return Response.json({ error: `Your role (${user.role}) may not upload datasets` }, { status: 403 });
  }
  const query = querySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) {
    const issue = query.error.issues[0];
    return bad({ message: `${issue.path.join('.') || 'query'}: ${issue.message}` });
  }
  if (!req.body) return bad({ message: 'The request has no file in its body' });

  const env = getEnv();
  const limits = ingestLimits(env);
  const saved = await saveUpload(req.body, tempDir(env.PIPEWORKS_DATA_DIR), limits.maxBytes).catch((error: unknown) => {
    if (isDiskFull(error)) return 'disk full' as const;
    console.warn('[datasets] upload stream ended early', error);
    return null;
  });
  if (saved === 'disk full') return diskFull();
  if (!saved) return bad({ message: 'The upload did not arrive whole; try again' });
  if (!saved.ok) return refusal(413, rejection(tooLargeError(limits.maxBytes, saved.line)));
  try {
    const { name, filename, options } = query.data;
    const result = await runIngestInWorker({ file: saved.file, filename, options, limits, dataDir: env.PIPEWORKS_DATA_DIR });
    if (!result.ok) return result.diskFull ? diskFull() : bad(result.error);
    const { anyDb } = getDb();
    const recorded = await recordDatasetVersion(anyDb, { name, filename, userId: user.id, table: result.table });
    await audit(anyDb, { userId: user.id, action: 'dataset.upload', targetType: 'dataset', targetId: recorded.dataset.id, detail: { version: recorded.version.version, created: recorded.created } });
    return Response.json({ dataset: { id: recorded.dataset.id, name: recorded.dataset.name }, version: versionSummary(recorded.version), created: recorded.created });
  } catch (error) {
    if (isDiskFull(error)) return diskFull();
    console.error('[datasets] upload failed', error);
    return Response.json({ error: 'Internal error; see the server log' }, { status: 500 });
  } finally {
    await rm(saved.file, { force: true });
  }
}
