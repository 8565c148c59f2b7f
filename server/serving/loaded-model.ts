// A model version read from the artifact store once and kept ready to score: the artifact
// decoded, its preprocessing parsed, and what validation needs about each input column.
import path from 'node:path';
import type { MlRuntime } from '../../engine/node-definition';
import type { ModelArtifact } from '../../nodes/models/model-artifact';
import type { Predictions } from '../../nodes/models/predict';
import { parsePreprocessing } from '../../nodes/train/preprocess-state';
import type { ColumnInfo } from '../../nodes/values';
import { decodeValue } from '../../nodes/codec';
import { readArtifactBytes } from '../store/artifact-files';
import { chooseScorer, PROBE_ROWS, probeColumns, type ScorerName } from './scorer-choice';
import { ScoringBatch } from './scoring-batch';
import type { DeploymentRow } from './endpoint-catalog';

/** How serving reads one input column: its raw type, and the categories the model knows. */
export interface InputSpec {
  info: ColumnInfo;
  /** Categorical and text columns: the categories the preprocessing learned; others count as unseen. */
  categories: ReadonlySet<string> | null;
}

export interface LoadedModel {
  versionId: string;
  version: number;
  format: string;
  artifact: ModelArtifact;
  inputs: InputSpec[];
  /** Column names a raw row may carry that the model does not read (target, ids): ignored, not refused. */
  ignorable: ReadonlySet<string>;
  loadSeconds: number;
  bytes: number;
  /** Which scorer answers (whichever measured faster at load) and why. */
  scorer: { name: ScorerName; timings: Partial<Record<ScorerName, number>>; note: string | null };
  score(batch: ScoringBatch): Promise<Predictions>;
}

/** Formats that have a predictor here; an imported ONNX model waits for an ONNX scorer (issue 13). */
export class UnservableFormatError extends Error {
  constructor(readonly format: string) {
    super(
      format === 'onnx'
        ? 'This endpoint serves an ONNX model version, and this serving process has no ONNX scorer yet; deploy a version trained in Pipeworks'
        : `This endpoint serves a model version of format "${format}", which this serving process cannot score`,
    );
  }
}

export function servingMl(): MlRuntime {
  return { backends: ['wasm', 'cpu'], wasmPath: path.join(process.cwd(), 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') };
}

export async function loadModel(dataDir: string, row: DeploymentRow, ml: MlRuntime): Promise<LoadedModel> {
  const started = performance.now();
  if (row.format === 'onnx') throw new UnservableFormatError(row.format);
  const bytes = await readArtifactBytes(dataDir, row.artifactId);
  const value = decodeValue('model', bytes);
  if (value.kind !== 'model') throw new Error(`Artifact ${row.artifactId} is not a model`);
  const artifact = value.model;
  const preprocessing = parsePreprocessing(artifact.preprocessing);
  const categories = new Map(
    preprocessing.columns.flatMap((c) => (c.kind === 'categorical' ? [[c.name, new Set(c.categories)] as const] : [])),
  );
  const inputs = artifact.inputs.map((info) => ({
    info,
    categories: info.type === 'categorical' || info.type === 'text' ? (categories.get(info.name) ?? new Set<string>()) : null,
  }));
  const leftOut = Array.isArray(artifact.training.leftOut) ? artifact.training.leftOut : [];
  const ignorable = new Set<string>([artifact.target]);
  for (const c of leftOut) if (c && typeof c === 'object' && !Array.isArray(c) && typeof c.name === 'string') ignorable.add(c.name);
  // The probe rows also warm both scorers, so the first client request pays for no start-up.
  const probeData = probeColumns(artifact, preprocessing);
  const probe = new ScoringBatch(PROBE_ROWS, probeData);
  const scorer = await chooseScorer(artifact, preprocessing, ml, probe);
  return {
    versionId: row.versionId,
    version: row.version,
    format: row.format,
    artifact,
    inputs,
    ignorable,
    loadSeconds: (performance.now() - started) / 1000,
    bytes: bytes.byteLength,
    scorer: { name: scorer.name, timings: scorer.timings, note: scorer.note },
    score: scorer.score,
  };
}
