// A model version read from the artifact store once and kept ready to score: what validation
// needs about each input column, and the scorer that measured fastest for it (scorer-choice.ts).
// Imported ONNX versions (format 'onnx') are scored by onnxruntime-node through their signature
// (server/onnx/onnx-scorer.ts); every other format is a ModelArtifact with its preprocessing.
import path from 'node:path';
import type { MlRuntime } from '../../engine/node-definition';
import type { ModelTask } from '../../nodes/models/model-artifact';
import type { Predictions } from '../../nodes/models/predict';
import { parsePreprocessing } from '../../nodes/train/preprocess-state';
import type { ColumnInfo } from '../../nodes/values';
import { decodeValue } from '../../nodes/codec';
import { loadOnnxSession, onnxScorer, scoreOnnxRows } from '../onnx/onnx-scorer';
import type { ModelSignature } from '../registry/version-types';
import { readArtifactBytes } from '../store/artifact-files';
import type { DeploymentRow } from './endpoint-catalog';
import { chooseScorer, PROBE_ROWS, probeColumns, type ScorerName } from './scorer-choice';
import { ScoringBatch } from './scoring-batch';

/** How serving reads one input column: its raw type, and the categories the model knows. */
export interface InputSpec {
  info: ColumnInfo;
  /**
   * Categorical and text columns: the categories the preprocessing learned (null: not known, so no
   * value is unseen). A categorical column's unseen value is refused unless the endpoint accepts them.
   */
  categories: ReadonlySet<string> | null;
}

export interface LoadedModel {
  versionId: string;
  version: number;
  format: string;
  task: ModelTask;
  /** Class labels in the order of the scores; empty for regression. */
  labels: string[];
  inputs: InputSpec[];
  /** Column names a raw row may carry that the model does not read (target, ids): ignored, not refused. */
  ignorable: ReadonlySet<string>;
  loadSeconds: number;
  bytes: number;
  /** Which scorer answers (whichever measured faster at load) and why. */
  scorer: { name: ScorerName | 'onnxruntime-import'; timings: Partial<Record<ScorerName, number>>; note: string | null };
  score(batch: ScoringBatch): Promise<Predictions>;
  /** `score` without a promise where the scorer does no asynchronous work, else null. */
  scoreSync: ((batch: ScoringBatch) => Predictions) | null;
}

export function servingMl(): MlRuntime {
  return { backends: ['wasm', 'cpu'], wasmPath: path.join(process.cwd(), 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') };
}

export async function loadModel(dataDir: string, row: DeploymentRow, ml: MlRuntime): Promise<LoadedModel> {
  const started = performance.now();
  const bytes = await readArtifactBytes(dataDir, row.artifactId);
  const loaded = row.format === 'onnx' ? await loadImportedOnnx(row, bytes) : await loadArtifact(bytes, ml);
  return { versionId: row.versionId, version: row.version, format: row.format, bytes: bytes.byteLength, loadSeconds: (performance.now() - started) / 1000, ...loaded };
}

type Loaded = Omit<LoadedModel, 'versionId' | 'version' | 'format' | 'bytes' | 'loadSeconds'>;

async function loadArtifact(bytes: Uint8Array, ml: MlRuntime): Promise<Loaded> {
  const value = decodeValue('model', bytes);
  if (value.kind !== 'model') throw new Error('The artifact is not a model');
  const artifact = value.model;
  const preprocessing = parsePreprocessing(artifact.preprocessing);
  const categories = new Map(
    preprocessing.columns.flatMap((c) => (c.kind === 'categorical' ? [[c.name, new Set(c.categories)] as const] : [])),
  );
  const inputs = artifact.inputs.map((info) => ({
    info,
    categories: info.type === 'categorical' || info.type === 'text' ? (categories.get(info.name) ?? null) : null,
  }));
  const leftOut = Array.isArray(artifact.training.leftOut) ? artifact.training.leftOut : [];
  const ignorable = new Set<string>([artifact.target]);
  for (const c of leftOut) if (c && typeof c === 'object' && !Array.isArray(c) && typeof c.name === 'string') ignorable.add(c.name);
  // The probe rows also warm every scorer, so the first client request pays for no start-up.
  const probe = new ScoringBatch(PROBE_ROWS, probeColumns(artifact, preprocessing));
  const scorer = await chooseScorer(artifact, preprocessing, ml, probe);
  return {
    task: artifact.task,
    labels: [...artifact.labels],
    inputs,
    ignorable,
    scorer: { name: scorer.name, timings: scorer.timings, note: scorer.note },
    score: scorer.score,
    scoreSync: scorer.scoreSync,
  };
}

async function loadImportedOnnx(row: DeploymentRow, bytes: Uint8Array): Promise<Loaded> {
  const signature = JSON.parse(row.signature) as ModelSignature;
  const scorer = onnxScorer(await loadOnnxSession(bytes), signature);
  const inputs = signature.inputs.map((info) => ({ info, categories: null }));
  return {
    task: signature.task ?? 'regression',
    labels: [...signature.labels],
    inputs,
    ignorable: new Set(signature.target ? [signature.target] : []),
    scorer: { name: 'onnxruntime-import', timings: {}, note: 'an imported ONNX model: onnxruntime-node is its only scorer' },
    scoreSync: null,
    score: async (batch) => {
      const rows = Array.from({ length: batch.rows }, (_, r) => batch.columns.map((c) => c.values[r] ?? null));
      return scoreOnnxRows(scorer, rows);
    },
  };
}
