// A model artifact downloaded as ONNX (GET /api/artifacts/<id>?format=onnx&name=…): the model and
// its preprocessing exported by nodes/onnx. What the export cannot express is a 400 naming it. An
// imported ONNX version's artifact already is ONNX, and comes back as it was imported.
import { UserError } from '../../engine/errors';
import { exportOnnx } from '../../nodes/onnx/export-onnx';
import type { Artifact } from '../db/schema';
import { getEnv } from '../env';
import { ONNX_MEDIA_TYPE } from '../registry/import-onnx';
import { readArtifactBytes } from '../store/artifact-files';
import { decodedArtifact } from '../store/decoded-artifacts';
import { attachment, downloadName } from './artifact-export';

export async function exportModelOnnx(row: Artifact, nameHint: string | null): Promise<Response> {
  const filename = downloadName(nameHint, row.id, 'onnx');
  if (row.kind === 'onnx') {
    const bytes = await readArtifactBytes(getEnv().PIPEWORKS_DATA_DIR, row.id);
    return new Response(Buffer.from(bytes), { headers: attachment(filename, ONNX_MEDIA_TYPE) });
  }
  if (row.kind !== 'model') {
    return Response.json({ error: `Only models export as ONNX; this is a ${row.kind} artifact` }, { status: 400 });
  }
  const value = await decodedArtifact(getEnv().PIPEWORKS_DATA_DIR, row.id, 'model');
  if (value.kind !== 'model') throw new Error(`Artifact ${row.id} did not decode as a model`);
  let bytes: Uint8Array;
  try {
    bytes = exportOnnx(value.model, { name: filename.replace(/\.onnx$/, ''), version: row.id.slice(0, 12) });
  } catch (error) {
    if (error instanceof UserError) return Response.json({ error: error.message }, { status: 400 });
    throw error;
  }
  return new Response(Buffer.from(bytes), { headers: attachment(filename, ONNX_MEDIA_TYPE) });
}
