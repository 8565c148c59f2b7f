// ONNX value types in words, as the ONNX spec writes them: tensor(float), seq(map(string,
// tensor(float))), and so on. The runtimes' JS bindings say only "not a tensor" for the others.
import type { RawDim } from './dims';
import type { TypeProto, ValueInfoProto } from './onnx-types';

/** TensorProto.DataType, by number. */
const ELEM_TYPES = [
  'undefined', 'float', 'uint8', 'int8', 'uint16', 'int16', 'int32', 'int64', 'string', 'bool', 'float16', 'double',
  'uint32', 'uint64', 'complex64', 'complex128', 'bfloat16', 'float8e4m3fn', 'float8e4m3fnuz', 'float8e5m2', 'float8e5m2fnuz',
] as const;

export const ELEM_TYPE = { float: 1, int64: 7, string: 8, double: 11 } as const;

export function elemTypeName(code: number | undefined): string {
  return ELEM_TYPES[code ?? 0] ?? `type ${code}`;
}

export type ValueKind = 'tensor' | 'sequence' | 'map' | 'optional' | 'sparse_tensor' | 'unknown';

export interface ValueSummary {
  name: string;
  kind: ValueKind;
  /** The full type as the ONNX spec writes it. */
  type: string;
  /** A tensor's element type (float, int64, string, …); null for other kinds. */
  elemType: string | null;
  /** A tensor's declared dims; null when it declares no shape, or is not a tensor. */
  shape: RawDim[] | null;
}

export function typeText(type: TypeProto | undefined): string {
  if (!type) return 'unknown';
  if (type.tensorType) return `tensor(${elemTypeName(type.tensorType.elemType)})`;
  if (type.sequenceType) return `seq(${typeText(type.sequenceType.elemType)})`;
  if (type.mapType) return `map(${elemTypeName(type.mapType.keyType)}, ${typeText(type.mapType.valueType)})`;
  if (type.optionalType) return `optional(${typeText(type.optionalType.elemType)})`;
  if (type.sparseTensorType) return `sparse_tensor(${elemTypeName(type.sparseTensorType.elemType)})`;
  return 'unknown';
}

function kindOf(type: TypeProto | undefined): ValueKind {
  if (!type) return 'unknown';
  if (type.tensorType) return 'tensor';
  if (type.sequenceType) return 'sequence';
  if (type.mapType) return 'map';
  if (type.optionalType) return 'optional';
  if (type.sparseTensorType) return 'sparse_tensor';
  return 'unknown';
}

export function summarizeValue(info: ValueInfoProto): ValueSummary {
  const tensor = info.type?.tensorType;
  return {
    name: info.name ?? '',
    kind: kindOf(info.type),
    type: typeText(info.type),
    elemType: tensor ? elemTypeName(tensor.elemType) : null,
    shape: tensor?.shape ? (tensor.shape.dim ?? []).map((d) => ({ ...d })) : null,
  };
}
