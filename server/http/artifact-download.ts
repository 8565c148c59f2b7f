// Raw artifact bytes (Arrow IPC, JSON) for data scientists: open them in pandas or polars; with
// ?format=csv|parquet|arrow (and an optional ?name= for the file), a table exported (artifact-export.ts);
// with ?format=onnx, a model as ONNX with its preprocessing (model-onnx.ts).
import { eq } from 'drizzle-orm';
import { auditRouteRefusal } from '../auth/audit';
import { can } from '../auth/roles';
import { resolveUser } from '../api/context';
import { first } from '../db/any-db';
import { getDb } from '../db/client';
import { getEnv } from '../env';
import { isArtifactId, readArtifactBytes } from '../store/artifact-files';
import { exportFormat, exportTable } from './artifact-export';
import { exportModelOnnx } from './model-onnx';

export async function downloadArtifact(req: Request, rawId: string): Promise<Response> {
  const user = await resolveUser(req.headers);
  if (!user) return Response.json({ error: 'Sign in first' }, { status: 401 });
  if (!can(user.role, 'pipeline.read')) {
    await auditRouteRefusal(getDb().anyDb, user.id, req, 'Forbidden');
    return Response.json({ error: 'Forbidden' }, { status: 403 });
  }
  // Refuse anything that is not a bare hash before any database or disk access.
  if (!isArtifactId(rawId)) return Response.json({ error: 'An artifact id is 64 lowercase hex characters' }, { status: 400 });
  const query = new URL(req.url).searchParams;
  const format = query.has('format') ? exportFormat(query.get('format') ?? '') : null;
  if (format instanceof Response) return format;
  const db = getDb().anyDb;
  const row = first(await db.select().from(db.t.artifacts).where(eq(db.t.artifacts.id, rawId)).limit(1));
  if (!row) return Response.json({ error: 'No such artifact' }, { status: 404 });
  try {
    if (format === 'onnx') return await exportModelOnnx(row, query.get('name'));
    if (format) return await exportTable(row, format, query.get('name'));
    const bytes = await readArtifactBytes(getEnv().PIPEWORKS_DATA_DIR, rawId);
    const ext = row.mediaType === 'application/json' ? 'json' : 'arrow';
    return new Response(Buffer.from(bytes), {
      headers: { 'content-type': row.mediaType, 'content-disposition': `attachment; filename="${rawId.slice(0, 16)}.${ext}"` },
    });
  } catch (error) {
    console.error(`[artifact ${rawId}]`, error);
    return Response.json({ error: 'The stored artifact is missing or damaged' }, { status: 500 });
  }
}
