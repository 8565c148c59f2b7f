// Hand-encodes small ONNX models (ModelProto, onnx.proto3 field numbers) so fixtures need no
// Python onnx package. Only what simple graphs use: tensors as raw_data, int and float attributes.
import { bytesField, concat, floatField, stringField, varintField } from './protobuf-writer';

/** TensorProto.DataType values for the element types we write. */
export const ONNX_TYPE = { float: 1, int64: 7, bool: 9, double: 11 } as const;
export type OnnxElemType = keyof typeof ONNX_TYPE;

export interface TensorSpec {
  name: string;
  type: 'float' | 'int64';
  dims: readonly number[];
  values: readonly number[];
}

export interface ValueSpec {
  name: string;
  type: OnnxElemType;
  /** A number is a fixed size, a string a named dynamic dimension (dim_param). */
  shape: readonly (number | string)[];
}

export interface NodeSpec {
  op: string;
  inputs: readonly string[];
  outputs: readonly string[];
  name?: string;
  attributes?: Readonly<Record<string, number | { float: number }>>;
}

export interface ModelSpec {
  irVersion: number;
  opset: number;
  producer: string;
  graphName: string;
  nodes: readonly NodeSpec[];
  initializers: readonly TensorSpec[];
  inputs: readonly ValueSpec[];
  outputs: readonly ValueSpec[];
  metadata?: Readonly<Record<string, string>>;
  docString?: string;
}

export function encodeTensor(t: TensorSpec): Uint8Array {
  const count = t.dims.reduce((a, b) => a * b, 1);
  if (count !== t.values.length) throw new Error(`Tensor ${t.name}: dims ${t.dims.join('×')} need ${count} values, got ${t.values.length}`);
  const raw = t.type === 'float' ? new Uint8Array(Float32Array.from(t.values).buffer) : new Uint8Array(BigInt64Array.from(t.values.map((v) => BigInt(v))).buffer);
  // Typed arrays are little-endian on every platform we run on, which is what raw_data requires.
  return concat([...t.dims.map((d) => varintField(1, d)), varintField(2, ONNX_TYPE[t.type]), stringField(8, t.name), bytesField(9, raw)]);
}

function encodeDim(dim: number | string): Uint8Array {
  return typeof dim === 'number' ? varintField(1, dim) : stringField(2, dim);
}

export function encodeValueInfo(v: ValueSpec): Uint8Array {
  const shape = concat(v.shape.map((d) => bytesField(1, encodeDim(d))));
  const tensorType = concat([varintField(1, ONNX_TYPE[v.type]), bytesField(2, shape)]);
  return concat([stringField(1, v.name), bytesField(2, bytesField(1, tensorType))]);
}

function encodeAttribute(name: string, value: number | { float: number }): Uint8Array {
  // AttributeProto: name=1, f=2, i=3, type=20 (FLOAT=1, INT=2).
  if (typeof value === 'number') return concat([stringField(1, name), varintField(3, value), varintField(20, 2)]);
  return concat([stringField(1, name), floatField(2, value.float), varintField(20, 1)]);
}

export function encodeNode(n: NodeSpec): Uint8Array {
  return concat([
    ...n.inputs.map((i) => stringField(1, i)),
    ...n.outputs.map((o) => stringField(2, o)),
    stringField(3, n.name ?? n.outputs[0]),
    stringField(4, n.op),
    ...Object.entries(n.attributes ?? {}).map(([k, v]) => bytesField(5, encodeAttribute(k, v))),
  ]);
}

export function encodeModel(m: ModelSpec): Uint8Array {
  const graph = concat([
    ...m.nodes.map((n) => bytesField(1, encodeNode(n))),
    stringField(2, m.graphName),
    ...m.initializers.map((t) => bytesField(5, encodeTensor(t))),
    ...m.inputs.map((v) => bytesField(11, encodeValueInfo(v))),
    ...m.outputs.map((v) => bytesField(12, encodeValueInfo(v))),
  ]);
  const opset = concat([stringField(1, ''), varintField(2, m.opset)]);
  return concat([
    varintField(1, m.irVersion),
    stringField(2, m.producer),
    ...(m.docString ? [stringField(6, m.docString)] : []),
    bytesField(7, graph),
    bytesField(8, opset),
    ...Object.entries(m.metadata ?? {}).map(([k, v]) => bytesField(14, concat([stringField(1, k), stringField(2, v)]))),
  ]);
}
