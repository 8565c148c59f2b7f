// The signature of an imported ONNX model (input columns, target, task, labels) against the model
// itself: proposed from what the model declares, then checked, each problem tied to its form field.
// The browser form and the server import both run it (engine/onnx reads the model for both); a
// passing check also says how rows become tensors and which output holds the prediction.
import { fixedSize, showShape } from '../../engine/onnx/dims';
import type { OnnxSummary } from '../../engine/onnx/prepare-model';
import type { ValueSummary } from '../../engine/onnx/value-types';
import type { ZipMapInfo } from '../../engine/onnx/zipmap';
import type { ModelTask } from '../models/model-artifact';
import type { ColumnType } from '../values';

export interface SignatureDraft {
  inputs: { name: string; type: ColumnType }[];
  target: string | null;
  task: ModelTask | null;
  labels: string[];
}

export type TensorElem = 'float' | 'double' | 'int64' | 'int32' | 'string';

/** How a batch of rows becomes the model's inputs: one [batch, n] tensor, or one tensor per column. */
export type FeedPlan =
  | { kind: 'vector'; input: string; elem: TensorElem; width: number }
  | { kind: 'columns'; inputs: { name: string; elem: TensorElem; rank: 1 | 2 }[] };

/** Where the prediction is: class probabilities [batch, labels] or one value per row. */
export type OutputPlan = { kind: 'probabilities'; tensor: string; zipMap: string | null } | { kind: 'value'; tensor: string };

export interface ScoringPlan {
  feed: FeedPlan;
  output: OutputPlan;
}

export interface SignatureIssue {
  /** The form field: inputs, inputs[2].name, target, task, labels. */
  field: string;
  message: string;
}

interface Prepared {
  summary: OnnxSummary;
  zipMaps: ZipMapInfo[];
}

const ELEMS: readonly string[] = ['float', 'double', 'int64', 'int32', 'string'];
const NUMERIC_COLUMN: readonly ColumnType[] = ['numeric', 'boolean'];
const batchable = (v: ValueSummary) => v.shape !== null && v.shape.length >= 1 && fixedSize(v.shape[0]) === null;

function vectorInput(summary: OnnxSummary): { input: ValueSummary; width: number } | null {
  const [only] = summary.inputs;
  if (summary.inputs.length !== 1 || !only.shape || only.shape.length !== 2 || !batchable(only)) return null;
  const width = fixedSize(only.shape[1]);
  return width !== null && width > 1 ? { input: only, width } : null;
}

function probabilityTensor(prepared: Prepared): { tensor: string; zipMap: string | null; labels: string[] | null } | null {
  const [zip] = prepared.zipMaps;
  if (zip) return { tensor: zip.tensor, zipMap: zip.output, labels: zip.labels };
  const out = prepared.summary.outputs.find((o) => (o.elemType === 'float' || o.elemType === 'double') && o.shape?.length === 2 && fixedSize(o.shape[1]) !== 1);
  return out ? { tensor: out.name, zipMap: null, labels: null } : null;
}

function valueTensor(summary: OnnxSummary): string | null {
  const out = summary.outputs.find((o) => (o.elemType === 'float' || o.elemType === 'double') && o.shape !== null && (o.shape.length === 1 || (o.shape.length === 2 && fixedSize(o.shape[1]) === 1)));
  return out?.name ?? null;
}

/** A first signature from the model: inputs named from metadata feature_names or the inputs, labels from a ZipMap. */
export function proposeSignature(prepared: Prepared, featureNames: readonly string[] | null = null): SignatureDraft {
  const vector = vectorInput(prepared.summary);
  const typeOf = (elem: string | null): ColumnType => (elem === 'string' ? 'categorical' : 'numeric');
  const inputs = vector
    ? Array.from({ length: vector.width }, (_, i) => ({ name: featureNames?.length === vector.width ? featureNames[i] : `${vector.input.name}_${i}`, type: typeOf(vector.input.elemType) }))
    : prepared.summary.inputs.map((i) => ({ name: i.name, type: typeOf(i.elemType) }));
  const probabilities = probabilityTensor(prepared);
  const labels = probabilities?.labels ?? [];
  const task: ModelTask | null = labels.length === 2 ? 'binary' : labels.length > 2 ? 'multiclass' : valueTensor(prepared.summary) ? 'regression' : null;
  return { inputs, target: null, task, labels };
}

function feedPlan(summary: OnnxSummary, draft: SignatureDraft, issues: SignatureIssue[]): FeedPlan | null {
  for (const i of summary.inputs) {
    if (i.kind !== 'tensor' || !ELEMS.includes(i.elemType ?? '')) {
      issues.push({ field: 'inputs', message: `The model's input ${i.name} is ${i.type}; imports take float, double, int32, int64 or string tensors` });
      return null;
    }
  }
  const vector = vectorInput(summary);
  if (vector) {
    if (draft.inputs.length !== vector.width) {
      issues.push({ field: 'inputs', message: `The model's input ${vector.input.name} ${showShape(vector.input.shape ?? [])} takes ${vector.width} values per row; the signature lists ${draft.inputs.length} columns` });
      return null;
    }
    return { kind: 'vector', input: vector.input.name, elem: vector.input.elemType as TensorElem, width: vector.width };
  }
  const inputs: { name: string; elem: TensorElem; rank: 1 | 2 }[] = [];
  for (const i of summary.inputs) {
    const shape = i.shape ?? [];
    const rank = shape.length;
    if (!batchable(i) || rank > 2 || (rank === 2 && fixedSize(shape[1]) !== 1)) {
      issues.push({ field: 'inputs', message: `The model's input ${i.name} has shape ${showShape(shape)}; imports take one [batch, n] tensor, or one [batch] or [batch, 1] tensor per column` });
      return null;
    }
    inputs.push({ name: i.name, elem: i.elemType as TensorElem, rank: rank as 1 | 2 });
  }
  const names = new Set(draft.inputs.map((c) => c.name));
  const missing = inputs.filter((i) => !names.has(i.name)).map((i) => i.name);
  if (missing.length || draft.inputs.length !== inputs.length) {
    issues.push({ field: 'inputs', message: `The model takes one input per column, named ${inputs.map((i) => i.name).join(', ')}; the signature's columns must carry those names${missing.length ? ` (missing: ${missing.join(', ')})` : ''}` });
    return null;
  }
  return { kind: 'columns', inputs };
}

function typeIssues(draft: SignatureDraft, feed: FeedPlan): SignatureIssue[] {
  const elemOf = (column: string) => (feed.kind === 'vector' ? feed.elem : (feed.inputs.find((i) => i.name === column)?.elem ?? 'float'));
  return draft.inputs.flatMap((c, index) => {
    const elem = elemOf(c.name);
    const fits = elem === 'string' ? c.type === 'categorical' || c.type === 'text' : NUMERIC_COLUMN.includes(c.type);
    return fits ? [] : [{ field: `inputs[${index}].type`, message: `Column ${c.name} is ${c.type}, but the model reads it as ${elem}; choose ${elem === 'string' ? 'categorical or text' : 'numeric or boolean'}` }];
  });
}

function outputPlan(prepared: Prepared, draft: SignatureDraft, issues: SignatureIssue[]): OutputPlan | null {
  if (draft.task === null) {
    issues.push({ field: 'task', message: 'Choose the task: binary, multiclass or regression' });
    return null;
  }
  if (draft.task === 'regression') {
    const tensor = valueTensor(prepared.summary);
    if (draft.labels.length) issues.push({ field: 'labels', message: 'A regression model has no class labels; leave labels empty' });
    if (!tensor) issues.push({ field: 'task', message: `No output holds one number per row (a float tensor [batch] or [batch, 1]); outputs: ${prepared.summary.outputs.map((o) => `${o.name} ${o.type}`).join(', ')}` });
    return tensor ? { kind: 'value', tensor } : null;
  }
  const probabilities = probabilityTensor(prepared);
  if (!probabilities) {
    issues.push({ field: 'task', message: `No output holds class probabilities (a ZipMap, or a float tensor [batch, classes]); outputs: ${prepared.summary.outputs.map((o) => `${o.name} ${o.type}`).join(', ')}` });
    return null;
  }
  const want = draft.task === 'binary' ? 2 : null;
  if (want !== null && draft.labels.length !== 2) issues.push({ field: 'labels', message: `A binary model has 2 labels; the signature lists ${draft.labels.length}` });
  if (draft.task === 'multiclass' && draft.labels.length < 3) issues.push({ field: 'labels', message: `A multiclass model has 3 or more labels; the signature lists ${draft.labels.length}` });
  if (probabilities.labels && probabilities.labels.length !== draft.labels.length) {
    issues.push({ field: 'labels', message: `The model's ZipMap ${probabilities.zipMap} has ${probabilities.labels.length} classes (${probabilities.labels.join(', ')}); the signature lists ${draft.labels.length}` });
  }
  return { kind: 'probabilities', tensor: probabilities.tensor, zipMap: probabilities.zipMap };
}

/** Every problem with `draft` for this model, each naming its field; the scoring plan when there are none. */
export function checkSignature(prepared: Prepared, draft: SignatureDraft): { ok: true; plan: ScoringPlan } | { ok: false; issues: SignatureIssue[] } {
  const issues: SignatureIssue[] = [];
  if (draft.inputs.length === 0) issues.push({ field: 'inputs', message: 'List the input columns the model reads' });
  const seen = new Set<string>();
  draft.inputs.forEach((c, i) => {
    if (!c.name.trim()) issues.push({ field: `inputs[${i}].name`, message: `Input column ${i + 1} has no name` });
    else if (seen.has(c.name)) issues.push({ field: `inputs[${i}].name`, message: `Column name ${c.name} appears twice` });
    seen.add(c.name);
  });
  if (draft.target !== null && seen.has(draft.target)) issues.push({ field: 'target', message: `The target ${draft.target} is also an input column` });
  if (new Set(draft.labels).size !== draft.labels.length) issues.push({ field: 'labels', message: 'Each class label must appear once' });
  const feed = issues.length ? null : feedPlan(prepared.summary, draft, issues);
  if (feed) issues.push(...typeIssues(draft, feed));
  const output = outputPlan(prepared, draft, issues);
  if (issues.length || !feed || !output) return { ok: false, issues };
  return { ok: true, plan: { feed, output } };
}
