// Turns an OnnxGraph into ModelProto bytes through onnx-proto (protobufjs code generated from the
// official onnx.proto), so no byte of the format is written by hand here.
import onnxProto, { type onnx as OnnxTypes } from 'onnx-proto';
import {
  ONNX_IR_VERSION,
  ONNX_ML_OPSET,
  ONNX_OPSET,
  type OnnxAttribute,
  type OnnxConstant,
  type OnnxElem,
  type OnnxGraph,
  type OnnxValue,
} from './onnx-graph';

// onnx-proto is CommonJS whose exports Node's ESM loader cannot list: take them from the default.
const { onnx } = onnxProto;
const DataType = onnx.TensorProto.DataType;
const ELEM: Record<OnnxElem, number> = {
  float: DataType.FLOAT,
  double: DataType.DOUBLE,
  int64: DataType.INT64,
  string: DataType.STRING,
  bool: DataType.BOOL,
};

export interface ModelInfo {
  graphName: string;
  doc: string;
  producerVersion: string;
  metadata: Record<string, string>;
}

const utf8 = new TextEncoder();

/** Little-endian bytes, as raw_data requires; typed arrays are little-endian on every platform we run on. */
function rawData(constant: OnnxConstant): Uint8Array {
  switch (constant.type) {
    case 'double':
      return new Uint8Array(Float64Array.from(constant.values).buffer);
    case 'float':
      return new Uint8Array(Float32Array.from(constant.values).buffer);
    case 'int64':
      return new Uint8Array(BigInt64Array.from(Array.from(constant.values, (v) => BigInt(v))).buffer);
    case 'string':
      throw new Error('string tensors are stored as string_data, not raw_data');
  }
}

function tensor(constant: OnnxConstant & { name: string }): OnnxTypes.ITensorProto {
  const base = { name: constant.name, dims: constant.dims, dataType: ELEM[constant.type] };
  if (constant.type === 'string') return { ...base, stringData: constant.values.map((s) => utf8.encode(s)) };
  return { ...base, rawData: rawData(constant) };
}

function attribute(name: string, value: OnnxAttribute): OnnxTypes.IAttributeProto {
  const Type = onnx.AttributeProto.AttributeType;
  if ('int' in value) return { name, type: Type.INT, i: value.int };
  if ('float' in value) return { name, type: Type.FLOAT, f: value.float };
  if ('ints' in value) return { name, type: Type.INTS, ints: [...value.ints] };
  if ('elemType' in value) return { name, type: Type.INT, i: ELEM[value.elemType] };
  return { name, type: Type.STRINGS, strings: value.strings.map((s) => utf8.encode(s)) };
}

function valueInfo(v: OnnxValue): OnnxTypes.IValueInfoProto {
  const dim = v.shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return { name: v.name, docString: v.doc, type: { tensorType: { elemType: ELEM[v.type], shape: { dim } } } };
}

export function encodeOnnxModel(graph: OnnxGraph, info: ModelInfo): Uint8Array {
  const usesMl = graph.nodes.some((n) => n.domain === 'ai.onnx.ml');
  const model: OnnxTypes.IModelProto = {
    irVersion: ONNX_IR_VERSION,
    producerName: 'pipeworks',
    producerVersion: info.producerVersion,
    docString: info.doc,
    opsetImport: [{ domain: '', version: ONNX_OPSET }, ...(usesMl ? [{ domain: 'ai.onnx.ml', version: ONNX_ML_OPSET }] : [])],
    metadataProps: Object.entries(info.metadata).map(([key, value]) => ({ key, value })),
    graph: {
      name: info.graphName,
      node: graph.nodes.map((n, i) => ({
        name: `${n.op}_${i}`,
        opType: n.op,
        domain: n.domain,
        input: n.inputs,
        output: n.outputs,
        attribute: Object.entries(n.attributes).map(([k, v]) => attribute(k, v)),
      })),
      initializer: graph.constants.map(tensor),
      input: graph.inputs.map(valueInfo),
      output: graph.outputs.map(valueInfo),
    },
  };
  const problem = onnx.ModelProto.verify(model);
  if (problem) throw new Error(`ONNX model does not verify: ${problem}`);
  return onnx.ModelProto.encode(model).finish();
}
