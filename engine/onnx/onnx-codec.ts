// Reads and writes ONNX ModelProto bytes through onnx-proto (protobufjs code generated from the
// official onnx.proto, the binding nodes/onnx exports with), so graph edits never hand-encode a
// byte. Plain objects use its camelCase field names; fields this code never reads still round-trip.
import onnxProto from 'onnx-proto';
import type { ModelProto } from './onnx-types';

// onnx-proto is CommonJS whose exports Node's ESM loader cannot list (tsx: the serving process and
// the CLI): take them from the default export, as nodes/onnx/onnx-encode.ts does.
const { onnx } = onnxProto;

/** The model as a plain object (int64 as numbers), or why the bytes are not one. */
export function decodeModel(bytes: Uint8Array): { ok: true; model: ModelProto } | { ok: false; error: string } {
  let plain: ModelProto;
  try {
    plain = onnx.ModelProto.toObject(onnx.ModelProto.decode(bytes), { longs: Number, enums: Number, arrays: true }) as ModelProto;
  } catch (error) {
    return { ok: false, error: `it is not valid protobuf (${(error as Error).message})` };
  }
  if (!plain.graph || plain.irVersion === undefined) return { ok: false, error: 'it has no ONNX graph or IR version' };
  return { ok: true, model: plain };
}

/** The bytes of a (possibly edited) plain model object. */
export function encodeModel(plain: ModelProto): Uint8Array {
  return onnx.ModelProto.encode(onnx.ModelProto.fromObject(plain)).finish();
}
