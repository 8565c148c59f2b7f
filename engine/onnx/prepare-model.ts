// One reading of an ONNX model for every place that loads one (the Try ONNX page in the browser,
// the registry import and serving on the server): its header, its inputs and outputs with their
// real types, the operators it uses, and the bytes to hand the runtime, with any ZipMap's input
// tensor exposed as an extra output so class probabilities can be read.
import { decodeModel, encodeModel } from './onnx-codec';
import type { ModelProto } from './onnx-types';
import { summarizeValue, type ValueSummary } from './value-types';
import { exposeZipMapInputs, type ZipMapInfo } from './zipmap';

export interface OperatorUse {
  domain: string;
  op: string;
  /** The opset the model imports for the operator's domain. */
  opset: number | null;
  /** The first node that uses it, for messages. */
  node: string;
}

export interface OnnxSummary {
  irVersion: number | null;
  producer: string;
  producerVersion: string;
  opsets: { domain: string; version: number }[];
  metadata: Record<string, string>;
  inputs: ValueSummary[];
  outputs: ValueSummary[];
  operators: OperatorUse[];
}

export interface PreparedOnnxModel {
  /** What to load: the model's own bytes, or re-encoded with ZipMap inputs added as outputs. */
  bytes: Uint8Array;
  summary: OnnxSummary;
  zipMaps: ZipMapInfo[];
  /** Outputs added to the graph here (ZipMap inputs that were not outputs already). */
  addedOutputs: string[];
}

const domainName = (domain: string | undefined) => (domain ? domain : 'ai.onnx');

function operators(model: ModelProto): OperatorUse[] {
  const opsets = new Map((model.opsetImport ?? []).map((o) => [domainName(o.domain), o.version ?? null]));
  const seen = new Map<string, OperatorUse>();
  for (const node of model.graph?.node ?? []) {
    const domain = domainName(node.domain);
    const key = `${domain}.${node.opType}`;
    if (!seen.has(key)) seen.set(key, { domain, op: node.opType ?? '', opset: opsets.get(domain) ?? null, node: node.name ?? '' });
  }
  return [...seen.values()];
}

export function summarizeModel(model: ModelProto): OnnxSummary {
  const graph = model.graph ?? {};
  // IR < 4 lists initializers among the inputs too; they are weights, not something a row feeds.
  const initializers = new Set((graph.initializer ?? []).map((i) => i.name));
  return {
    irVersion: model.irVersion ?? null,
    producer: model.producerName ?? '',
    producerVersion: model.producerVersion ?? '',
    opsets: (model.opsetImport ?? []).map((o) => ({ domain: o.domain ?? '', version: o.version ?? 0 })),
    metadata: Object.fromEntries((model.metadataProps ?? []).map((p) => [p.key ?? '', p.value ?? ''])),
    inputs: (graph.input ?? []).filter((i) => !initializers.has(i.name)).map(summarizeValue),
    outputs: (graph.output ?? []).map(summarizeValue),
    operators: operators(model),
  };
}

/** The model read and made loadable, or why the bytes are not an ONNX model. */
export function prepareOnnxModel(bytes: Uint8Array): { ok: true; value: PreparedOnnxModel } | { ok: false; error: string } {
  const decoded = decodeModel(bytes);
  if (!decoded.ok) return decoded;
  const { model, zipMaps, added } = exposeZipMapInputs(decoded.model);
  return { ok: true, value: { bytes: added.length ? encodeModel(model) : bytes, summary: summarizeModel(model), zipMaps, addedOutputs: added } };
}
