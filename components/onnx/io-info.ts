// The page's view of a model's inputs and outputs, from the shared reading of the model
// (engine/onnx): tensors by onnxruntime's element type names, anything else by its full ONNX type.
import type { ValueSummary } from '../../engine/onnx/value-types';
import type { IoInfo } from './input-layout';

const ORT_NAMES: Record<string, string> = { float: 'float32', double: 'float64' };

export function ioInfo(value: ValueSummary): IoInfo {
  if (value.kind !== 'tensor') return { name: value.name, isTensor: false, type: value.type, shape: null };
  const elem = value.elemType ?? 'unknown';
  return { name: value.name, isTensor: true, type: ORT_NAMES[elem] ?? elem, shape: value.shape };
}
