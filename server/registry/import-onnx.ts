// An ONNX file from outside (e.g. scikit-learn through skl2onnx) becomes the next version of a
// registered model: read by the shared rules, its signature checked against it, loaded on the
// server's onnxruntime and run once on a row before anything is stored. Every refusal is a
// UserError naming the field (file, inputs[i].name, task, labels…).
import { UserError } from '../../engine/errors';
import { MODEL_TASKS } from '../../nodes/models/model-artifact';
import { COLUMN_TYPES } from '../../nodes/values';
import { z } from 'zod';
import { validationMessage } from '../api/errors';
import type { AnyDb } from '../db/any-db';
import { loadOnnxSession, onnxScorer, scoreOnnxRows, type OnnxCell } from '../onnx/onnx-scorer';
import { writeArtifactBytes } from '../store/artifact-files';
import { recordArtifact } from '../store/artifacts';
import { registerModelVersion, type RegisteredVersion } from './register';
import type { ModelSignature } from './version-types';

export const ONNX_MEDIA_TYPE = 'application/onnx';

const name = z.string().trim().min(1, 'a name is needed').max(200);
/** The signature form as it arrives (zod at the edge); checked against the model next. */
export const importSignatureSchema = z.object({
  inputs: z.array(z.object({ name, type: z.enum(COLUMN_TYPES) })).min(1, 'list the input columns the model reads').max(10_000),
  target: name.nullable(),
  task: z.enum(MODEL_TASKS),
  labels: z.array(z.string().trim().min(1, 'a label cannot be empty').max(200)).max(10_000),
});
export type ImportSignature = z.infer<typeof importSignatureSchema>;

export interface OnnxImportRequest {
  projectId: string;
  modelName: string;
  description?: string;
  bytes: Uint8Array;
  signature: unknown;
  userId: string | null;
}

/** A row the check inference runs: 0 for numbers, the first label-free string for text. */
const checkRow = (signature: ModelSignature): OnnxCell[] => signature.inputs.map((c) => (c.type === 'categorical' || c.type === 'text' ? '' : 0));

export async function importOnnxVersion(db: AnyDb, dataDir: string, request: OnnxImportRequest): Promise<RegisteredVersion & { check: { scores: number[] } }> {
  const parsed = importSignatureSchema.safeParse(request.signature);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(validationMessage(parsed.error.issues), { field: issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || 'signature' });
  }
  const signature: ModelSignature = { inputs: parsed.data.inputs.map((c) => ({ ...c, role: 'feature' })), target: parsed.data.target, task: parsed.data.task, labels: parsed.data.labels };
  const opened = await loadOnnxSession(request.bytes);
  let check: number[];
  try {
    const scorer = onnxScorer(opened, signature);
    let predictions;
    try {
      predictions = await scoreOnnxRows(scorer, [checkRow(signature)]);
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError(`The model did not run on a row of the signature's columns: ${(error as Error).message.split('\n')[0]}`, { field: 'inputs' });
    }
    check = Array.from(predictions.scores);
  } finally {
    await opened.release();
  }
  const written = await writeArtifactBytes(dataDir, request.bytes);
  await recordArtifact(db, { id: written.id, kind: 'onnx', mediaType: ONNX_MEDIA_TYPE, size: written.size, meta: { producer: opened.prepared.summary.producer } });
  const registered = await registerModelVersion(db, {
    projectId: request.projectId,
    modelName: request.modelName,
    description: request.description,
    userId: request.userId,
    via: 'import',
    draft: {
      source: 'import',
      format: 'onnx',
      artifactId: written.id,
      signature,
      metrics: {},
      params: {},
      runId: null,
      stepId: null,
      pipelineId: null,
      pipelineVersionId: null,
      lineage: { run: null, pipeline: null, stepId: null, output: null, steps: [], sources: [], metricsFrom: null },
    },
  });
  return { ...registered, check: { scores: check } };
}
