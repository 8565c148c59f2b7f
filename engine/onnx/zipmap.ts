// skl2onnx's default classifier output is a ZipMap: a sequence of maps class → probability, which
// onnxruntime's JS bindings cannot return. The tensor that feeds the ZipMap holds the same numbers,
// one column per class; exposing it as an extra graph output makes them readable, and the ZipMap's
// own attributes give the class labels in column order.
import type { AttributeProto, ModelProto, NodeProto } from './onnx-types';
import { ELEM_TYPE } from './value-types';

export interface ZipMapInfo {
  /** The graph output the ZipMap writes (a sequence of maps). */
  output: string;
  /** The float tensor [batch, classes] that feeds it. */
  tensor: string;
  labels: string[];
  labelsFrom: 'classlabels_strings' | 'classlabels_int64s';
}

const utf8 = new TextDecoder();
const attribute = (node: NodeProto, name: string): AttributeProto | undefined => node.attribute?.find((a) => a.name === name);

function zipMapLabels(node: NodeProto): Pick<ZipMapInfo, 'labels' | 'labelsFrom'> | null {
  const strings = attribute(node, 'classlabels_strings')?.strings;
  if (strings?.length) return { labels: strings.map((s) => utf8.decode(s)), labelsFrom: 'classlabels_strings' };
  const ints = attribute(node, 'classlabels_int64s')?.ints;
  if (ints?.length) return { labels: ints.map((i) => String(i)), labelsFrom: 'classlabels_int64s' };
  return null;
}

/** Every ZipMap whose output leaves the graph, with its input tensor and labels. */
export function findZipMaps(model: ModelProto): ZipMapInfo[] {
  const graph = model.graph;
  const outputs = new Set((graph?.output ?? []).map((o) => o.name));
  return (graph?.node ?? []).flatMap((node) => {
    if (node.opType !== 'ZipMap' || node.domain !== 'ai.onnx.ml') return [];
    const output = node.output?.[0];
    const tensor = node.input?.[0];
    const labels = zipMapLabels(node);
    if (!output || !tensor || !labels || !outputs.has(output)) return [];
    return [{ output, tensor, ...labels }];
  });
}

/**
 * A copy of `model` in which each ZipMap's input tensor is also a graph output (declared
 * tensor(float) [batch, classes]), and the ZipMaps found. The ZipMap outputs stay, so the model
 * still answers to the names it was exported with.
 */
export function exposeZipMapInputs(model: ModelProto): { model: ModelProto; zipMaps: ZipMapInfo[]; added: string[] } {
  const zipMaps = findZipMaps(model);
  if (zipMaps.length === 0 || !model.graph) return { model, zipMaps, added: [] };
  const present = new Set((model.graph.output ?? []).map((o) => o.name));
  const added = zipMaps
    .filter((z) => !present.has(z.tensor))
    .map((z) => ({
      name: z.tensor,
      type: { tensorType: { elemType: ELEM_TYPE.float, shape: { dim: [{}, { dimValue: z.labels.length }] } } },
    }));
  return { model: { ...model, graph: { ...model.graph, output: [...(model.graph.output ?? []), ...added] } }, zipMaps, added: added.map((a) => a.name) };
}
