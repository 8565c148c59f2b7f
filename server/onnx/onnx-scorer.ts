// Scores raw rows with an imported ONNX model version on onnxruntime-node: the model read by the
// shared rules (engine/onnx: ZipMap inputs exposed), rows laid out by the signature's scoring plan
// (nodes/onnx/import-signature.ts), and the result in the same Predictions shape as Pipeworks'
// own predictors. The serving process calls loadOnnxSession once per version and scoreOnnxRows
// per request.
import * as ort from 'onnxruntime-node';
import { UserError } from '../../engine/errors';
import { explainLoadError } from '../../engine/onnx/load-error';
import { prepareOnnxModel, type PreparedOnnxModel } from '../../engine/onnx/prepare-model';
import { checkSignature, type ScoringPlan, type TensorElem } from '../../nodes/onnx/import-signature';
import type { Predictions } from '../../nodes/models/predict';
import type { ModelSignature } from '../registry/version-types';

export type OnnxCell = number | string | boolean | null;

export interface OnnxSession {
  prepared: PreparedOnnxModel;
  session: ort.InferenceSession;
  release(): Promise<void>;
}

export interface OnnxScorer extends OnnxSession {
  signature: ModelSignature;
  plan: ScoringPlan;
}

/** Opens ONNX bytes on onnxruntime-node; a model it cannot load is a UserError that says why. */
export async function loadOnnxSession(bytes: Uint8Array): Promise<OnnxSession> {
  const prepared = prepareOnnxModel(bytes);
  if (!prepared.ok) throw new UserError(`The file is not an ONNX model: ${prepared.error}`, { field: 'file' });
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(prepared.value.bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  } catch (error) {
    throw new UserError(explainLoadError((error as Error).message, prepared.value.summary.operators, "the server's onnxruntime"), { field: 'file' });
  }
  return { prepared: prepared.value, session, release: () => session.release() };
}

/** An opened session with the signature it is scored by (a UserError naming the field when they do not fit). */
export function onnxScorer(opened: OnnxSession, signature: ModelSignature): OnnxScorer {
  const checked = checkSignature(opened.prepared, { inputs: signature.inputs.map((c) => ({ name: c.name, type: c.type })), target: signature.target, task: signature.task, labels: signature.labels });
  if (!checked.ok) throw new UserError(checked.issues.map((i) => `${i.field}: ${i.message}`).join('; '), { field: checked.issues[0].field });
  return { ...opened, signature, plan: checked.plan };
}

function tensorOf(elem: TensorElem, values: OnnxCell[], dims: number[], column: (i: number) => string): ort.Tensor {
  if (elem === 'string') return new ort.Tensor('string', values.map((v) => (v === null ? '' : String(v))), dims);
  const numbers = values.map((v, i) => {
    if (typeof v === 'string') throw new UserError(`Column ${column(i)}: "${v}" is not a number`, { column: column(i) });
    const n = typeof v === 'boolean' ? Number(v) : (v ?? NaN);
    // Float inputs carry a missing value as NaN (tree ensembles route it); integers have no such value.
    if (!Number.isFinite(n) && (elem === 'int32' || elem === 'int64')) throw new UserError(`Column ${column(i)}: a whole number is needed, got ${v}`, { column: column(i) });
    return n;
  });
  switch (elem) {
    case 'float':
      return new ort.Tensor('float32', Float32Array.from(numbers), dims);
    case 'double':
      return new ort.Tensor('float64', Float64Array.from(numbers), dims);
    case 'int32':
      return new ort.Tensor('int32', Int32Array.from(numbers), dims);
    case 'int64':
      return new ort.Tensor('int64', BigInt64Array.from(numbers, (n) => BigInt(Math.trunc(n))), dims);
  }
}

/**
 * Scores `rows` (one cell per signature input column, in the signature's order) and returns the
 * predictions: classification as rows × labels probabilities, regression as one value per row.
 */
export async function scoreOnnxRows(scorer: OnnxScorer, rows: readonly (readonly OnnxCell[])[]): Promise<Predictions> {
  const { plan, signature } = scorer;
  const n = rows.length;
  const names = signature.inputs.map((c) => c.name);
  const feeds: Record<string, ort.Tensor> = {};
  if (plan.feed.kind === 'vector') {
    const width = plan.feed.width;
    feeds[plan.feed.input] = tensorOf(plan.feed.elem, rows.flat() as OnnxCell[], [n, width], (i) => names[i % width]);
  } else {
    for (const input of plan.feed.inputs) {
      const at = names.indexOf(input.name);
      feeds[input.name] = tensorOf(input.elem, rows.map((r) => r[at]), input.rank === 1 ? [n] : [n, 1], () => input.name);
    }
  }
  const results = await scorer.session.run(feeds, [plan.output.tensor]);
  const out = results[plan.output.tensor];
  try {
    const data = Float64Array.from(out.data as ArrayLike<number>);
    const perRow = n > 0 ? data.length / n : 0;
    if (plan.output.kind === 'probabilities' && perRow !== signature.labels.length) {
      throw new UserError(`The model gives ${perRow} probabilities per row in ${plan.output.tensor}; the signature lists ${signature.labels.length} labels`, { field: 'labels' });
    }
    if (plan.output.kind === 'value' && perRow !== 1) throw new UserError(`The model gives ${perRow} values per row in ${plan.output.tensor}, not one`, { field: 'task' });
    return { task: signature.task ?? 'regression', labels: plan.output.kind === 'probabilities' ? [...signature.labels] : [], scores: data };
  } finally {
    for (const t of Object.values(results)) t.dispose();
  }
}
