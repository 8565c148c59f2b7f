// Decides how rows of numbers become a model's inputs, from the input metadata onnxruntime gives:
// one float tensor [batch, n] (or [n]) holding a row's features, or one input per column
// ([batch] or [batch, 1]). Anything else gets a reason the page can show. Which dims are dynamic
// (no value, negative, 4294967295, a name) is engine/onnx/dims.ts's rule, shared with the server.
import { fixedSize, showShape, type RawDim } from '../../engine/onnx/dims';

export const NUMERIC_TYPES = ['float32', 'float64', 'int32', 'int64'] as const;
export type NumericType = (typeof NUMERIC_TYPES)[number];

/** An input or output: a tensor's element type as onnxruntime names it, else its full ONNX type; `shape` null when not declared. */
export interface IoInfo {
  name: string;
  isTensor: boolean;
  type: string;
  shape: readonly RawDim[] | null;
}

/** One value a row supplies: a form field and a CSV column. `index` is its place in `input`. */
export interface Field {
  label: string;
  input: string;
  index: number;
  type: NumericType;
}

export interface LayoutInput {
  name: string;
  type: NumericType;
  /** The tensor's dims for `rows` rows. */
  dims: (rows: number) => number[];
}

export type InputLayout =
  | { kind: 'vector'; input: LayoutInput; size: number; batched: boolean; fields: Field[]; namedByMetadata: boolean; note: string | null }
  | { kind: 'columns'; inputs: LayoutInput[]; batched: boolean; fields: Field[] }
  | { kind: 'unsupported'; reason: string };

const isNumeric = (type: string): type is NumericType => (NUMERIC_TYPES as readonly string[]).includes(type);
const isFixed = (d: RawDim) => fixedSize(d) !== null;

function columnInput(info: IoInfo & { type: NumericType; shape: readonly RawDim[] }): LayoutInput | null {
  if (info.shape.length === 0) return null;
  const [batch, ...rest] = info.shape;
  if ((isFixed(batch) && fixedSize(batch) !== 1) || rest.length > 1 || (rest.length === 1 && fixedSize(rest[0]) !== 1)) return null;
  return { name: info.name, type: info.type, dims: (rows) => (rest.length === 1 ? [rows, 1] : [rows]) };
}

/** `featureNames` (from the model's metadata) label a single tensor's elements when their count fits. */
export function inputLayout(inputs: readonly IoInfo[], featureNames: readonly string[] | null = null): InputLayout {
  if (inputs.length === 0) return { kind: 'unsupported', reason: 'The model declares no inputs.' };
  for (const i of inputs) {
    if (!i.isTensor) return { kind: 'unsupported', reason: `Input ${i.name} is not a tensor; this page fills numeric tensors only.` };
    if (!isNumeric(i.type)) return { kind: 'unsupported', reason: `Input ${i.name} holds ${i.type} values; this page fills numeric inputs only (${NUMERIC_TYPES.join(', ')}).` };
    if (!i.shape || i.shape.length === 0) return { kind: 'unsupported', reason: `The model does not declare the shape of input ${i.name}.` };
  }
  const typed = inputs as (IoInfo & { type: NumericType; shape: readonly RawDim[] })[];

  const only = typed.length === 1 ? typed[0] : null;
  const last = only ? fixedSize(only.shape[only.shape.length - 1]) : null;
  if (only && last !== null && last > 1 && only.shape.length <= 2) {
    const batched = only.shape.length === 2 && !isFixed(only.shape[0]);
    const fixedBatch = only.shape.length === 2 ? fixedSize(only.shape[0]) : null;
    if (fixedBatch !== null && fixedBatch !== 1) {
      return { kind: 'unsupported', reason: `Input ${only.name} has shape ${showShape(only.shape)}: a fixed batch of ${fixedBatch} rows is not supported.` };
    }
    const named = featureNames?.length === last;
    const fields = Array.from({ length: last }, (_, index) => ({ label: named ? featureNames[index] : `${only.name}[${index}]`, input: only.name, index, type: only.type }));
    const note = featureNames && !named ? `The model's feature_names list ${featureNames.length} names for ${last} values, so fields are numbered instead.` : null;
    return {
      kind: 'vector',
      input: { name: only.name, type: only.type, dims: (rows) => (only.shape.length === 1 ? [last] : [rows, last]) },
      size: last,
      batched,
      fields,
      namedByMetadata: named,
      note,
    };
  }

  const columns: LayoutInput[] = [];
  for (const info of typed) {
    const input = columnInput(info);
    if (!input) {
      return {
        kind: 'unsupported',
        reason:
          typed.length === 1
            ? `Input ${info.name} has shape ${showShape(info.shape)}; supported are [batch, n], [n], [batch] and [batch, 1].`
            : `Input ${info.name} has shape ${showShape(info.shape)}; with one input per column each must hold one value per row ([batch] or [batch, 1]).`,
      };
    }
    columns.push(input);
  }
  return {
    kind: 'columns',
    inputs: columns,
    batched: typed.every((i) => !isFixed(i.shape[0])),
    fields: columns.map((c) => ({ label: c.name, input: c.name, index: 0, type: c.type })),
  };
}
