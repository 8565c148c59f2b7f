// Serving scores each model with whichever scorer measures fastest for it on this machine
// (issue 13: "our own predictors or onnxruntime-node, whichever measures faster"):
// - pipeworks: predictTable, the code evaluation runs;
// - pipeworks-direct: the same preprocessing and estimator, read from the request's arrays
//   without an Arrow table, and for the MLP a plain-JavaScript forward pass
//   (nodes/train/mlp-forward-cpu.ts), since TF.js costs more per call than a small network;
// - onnxruntime: onnxruntime-node on the model's ONNX export, preprocessing inside the graph.
// Each alternative must first answer the probe rows as predictTable does, to 1e-5; then all are
// timed on those rows and the fastest answers. A candidate that fails or disagrees is left out,
// with the reason kept for the log.
import type { MlRuntime } from '../../engine/node-definition';
import type { ModelArtifact } from '../../nodes/models/model-artifact';
import { predictTable, type Predictions } from '../../nodes/models/predict';
import { estimatorFor } from '../../nodes/models/predict';
import { exportOnnx, ONNX_OUTPUTS } from '../../nodes/onnx/export-onnx';
import { MLP_FORMAT } from '../../nodes/train/mlp-estimator';
import { compileMlpForward } from '../../nodes/train/mlp-forward-cpu';
import { decodeMlpPayload } from '../../nodes/train/mlp-payload';
import type { FittedPreprocessing } from '../../nodes/train/preprocess-state';
import type { ColumnData } from '../../nodes/table/table-from-columns';
import { openOnnx, runOnnx } from '../onnx/ort-session';
import { ONNX_TOLERANCE } from '../onnx/verify-onnx';
import type { ScoringBatch } from './scoring-batch';

export type ScorerName = 'pipeworks' | 'pipeworks-direct' | 'onnxruntime';
type Score = (batch: ScoringBatch) => Promise<Predictions>;
type ScoreSync = (batch: ScoringBatch) => Predictions;

export interface Scorer {
  name: ScorerName;
  score: Score;
  /** The same scorer without a promise, where it does no asynchronous work (the MLP in plain JS). */
  scoreSync: ScoreSync | null;
  /** Median microseconds a probe call took, for each scorer that qualified. */
  timings: Partial<Record<ScorerName, number>>;
  /** Why a candidate was left out, when one was. */
  note: string | null;
}

const TIMED_CALLS = 60;

export async function chooseScorer(model: ModelArtifact, pre: FittedPreprocessing, ml: MlRuntime, probe: ScoringBatch): Promise<Scorer> {
  const ours: Score = (batch) => predictTable(model, batch.table(), ml);
  const expected = await ours(probe);
  const candidates: { name: ScorerName; score: Score; scoreSync?: ScoreSync; release?: () => Promise<void> }[] = [{ name: 'pipeworks', score: ours }];
  const notes: string[] = [];
  const labels = [...model.labels];
  const predictions = (scores: Float64Array): Predictions => ({ task: model.task, labels, scores });
  if (model.format === MLP_FORMAT) {
    const forward = compileMlpForward(decodeMlpPayload(model.payload));
    const scoreSync: ScoreSync = (batch) => predictions(forward(batch.matrix(pre)));
    candidates.push({ name: 'pipeworks-direct', score: async (batch) => scoreSync(batch), scoreSync });
  } else {
    const estimator = estimatorFor(model.format);
    candidates.push({ name: 'pipeworks-direct', score: async (batch) => predictions(await estimator.predict(model.payload, batch.matrix(pre), ml)) });
  }
  try {
    const session = await openOnnx(exportOnnx(model, { name: 'serving', version: 'serving' }));
    const key = model.task === 'regression' ? ONNX_OUTPUTS.value : ONNX_OUTPUTS.probabilities;
    candidates.push({
      name: 'onnxruntime',
      score: async (batch) => predictions((await runOnnx(session, batch.onnxFeeds(pre)))[key].data as Float64Array),
      release: () => session.release(),
    });
  } catch (error) {
    notes.push(`no ONNX export: ${(error as Error).message}`);
  }
  const qualified: typeof candidates = [];
  for (const candidate of candidates) {
    const problem = candidate.name === 'pipeworks' ? null : disagreement(expected, await candidate.score(probe).catch((e: Error) => e));
    if (problem) notes.push(`${candidate.name} left out: ${problem}`);
    else qualified.push(candidate);
  }
  const medians = await interleavedMedianMicros(qualified.map((c) => () => c.score(probe)));
  const timings: Partial<Record<ScorerName, number>> = {};
  let best: (typeof candidates)[number] | null = null;
  qualified.forEach((candidate, i) => {
    timings[candidate.name] = medians[i];
    if (!best || medians[i] < timings[best.name]!) best = candidate;
  });
  for (const c of candidates) if (c !== best) await c.release?.();
  const chosen = best as (typeof candidates)[number] | null;
  return { name: chosen!.name, score: chosen!.score, scoreSync: chosen!.scoreSync ?? null, timings, note: notes.length ? notes.join('; ') : null };
}

function disagreement(expected: Predictions, got: Predictions | Error): string | null {
  if (got instanceof Error) return got.message;
  if (got.scores.length !== expected.scores.length) return `${got.scores.length} scores, expected ${expected.scores.length}`;
  for (let i = 0; i < got.scores.length; i++) {
    const difference = Math.abs(got.scores[i] - expected.scores[i]) / Math.max(1, Math.abs(expected.scores[i]));
    if (!(difference <= ONNX_TOLERANCE)) return `score ${i}: ${got.scores[i]}, predictTable ${expected.scores[i]}`;
  }
  return null;
}

/**
 * The median microseconds of each function's calls, timed in rounds that call each once (the
 * first in turn rotating): on a shared machine a stretch of stalls then lands on every candidate
 * alike. Timed one after the other, a stall during one candidate's turn once picked onnxruntime
 * (~150 µs a call) over the plain-JS scorer (~30 µs) for a whole serving process.
 */
async function interleavedMedianMicros(fns: (() => Promise<unknown>)[]): Promise<number[]> {
  for (let i = 0; i < 10; i++) for (const fn of fns) await fn();
  const times = fns.map(() => [] as number[]);
  for (let round = 0; round < TIMED_CALLS; round++) {
    for (let k = 0; k < fns.length; k++) {
      const i = (round + k) % fns.length;
      const t0 = performance.now();
      await fns[i]();
      times[i].push((performance.now() - t0) * 1000);
    }
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
}

export const PROBE_ROWS = 4;

/** Probe rows: every column missing; at the training fill; an unseen category; values spread over the training range. */
export function probeColumns(model: ModelArtifact, pre: FittedPreprocessing): ColumnData[] {
  const fills = new Map(pre.columns.map((c) => [c.name, c]));
  return model.inputs.map((info, i) => {
    const state = fills.get(info.name);
    const numeric = info.type === 'numeric' || info.type === 'datetime';
    let filled: number | string | boolean | null = null;
    if (state?.kind === 'numeric') filled = info.type === 'datetime' ? state.fill * 86_400_000 : state.fill + state.scale;
    else if (state?.kind === 'categorical') filled = info.type === 'boolean' ? state.fill === 'true' : state.fill;
    const unseen = info.type === 'categorical' || info.type === 'text' ? '__probe_unseen__' : filled;
    let spread: number | string | boolean | null = filled;
    if (state?.kind === 'numeric') spread = (state.offset + (state.scale * ((i % 5) - 2)) / 2) * (info.type === 'datetime' ? 86_400_000 : 1);
    else if (state?.kind === 'categorical' && state.categories.length) {
      const category = state.categories[i % state.categories.length];
      spread = info.type === 'boolean' ? category === 'true' : category;
    }
    return { info, values: [numeric ? NaN : null, filled, unseen, spread] };
  });
}
