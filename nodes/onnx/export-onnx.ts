// A trained model with its preprocessing as one ONNX model that takes the raw columns as ingested
// (one input per column, laid out in preprocess-onnx.ts) and gives "label" (string [N]) and
// "probabilities" (double [N, classes], in `labels` order) for a classifier, or "value" (double [N])
// for a regression. Pure: the browser can export as well as the server.
import { UserError } from '../../engine/errors';
import type { ModelArtifact } from '../models/model-artifact';
import { estimatorFor } from '../models/predict';
import { BINARY_THRESHOLD } from '../models/predicted-labels';
import { parsePreprocessing } from '../train/preprocess-state';
import { encodeOnnxModel } from './onnx-encode';
import { OnnxGraph } from './onnx-graph';
import { ONNX_MISSING_STRING, preprocessOnnx } from './preprocess-onnx';

export const ONNX_OUTPUTS = { label: 'label', probabilities: 'probabilities', value: 'value' } as const;

export interface OnnxExportOptions {
  /** The graph's name, e.g. the registry model's name. */
  name: string;
  /** Written as the producer version and into the metadata, e.g. "fraud v3". */
  version: string;
}

export function exportOnnx(model: ModelArtifact, options: OnnxExportOptions): Uint8Array {
  const pre = parsePreprocessing(model.preprocessing);
  const estimator = estimatorFor(model.format);
  const outputs = Object.values(ONNX_OUTPUTS) as string[];
  const clash = pre.columns.find((c) => outputs.includes(c.name));
  if (clash) {
    throw new UserError(
      `ONNX export: the input column "${clash.name}" has the name of an output (${outputs.join(', ')}); rename it and retrain`,
      { column: clash.name },
    );
  }
  const graph = new OnnxGraph();
  const features = preprocessOnnx(graph, pre);
  const scores = estimator.toOnnx(model.payload, graph, features);
  if (model.task === 'regression') {
    graph.op('Reshape', [scores, graph.constant('flat', { type: 'int64', dims: [1], values: [-1] })], {}, { into: graph.claim(ONNX_OUTPUTS.value) });
    graph.output(ONNX_OUTPUTS.value, 'double', ['N'], `predicted ${model.target}`);
  } else {
    addClassOutputs(graph, scores, model.labels);
  }
  return encodeOnnxModel(graph, {
    graphName: options.name,
    doc: `${options.name} ${options.version}: ${model.format} ${model.task} model of "${model.target}", with its preprocessing`,
    producerVersion: options.version,
    metadata: {
      'pipeworks.format': model.format,
      'pipeworks.task': model.task,
      'pipeworks.target': model.target,
      'pipeworks.labels': JSON.stringify(model.labels),
      'pipeworks.inputs': JSON.stringify(pre.columns.map((c) => ({ name: c.name, type: c.source }))),
      'pipeworks.missing': JSON.stringify({ number: 'NaN', string: ONNX_MISSING_STRING }),
      'pipeworks.dropped': JSON.stringify(pre.dropped),
    },
  });
}

function addClassOutputs(graph: OnnxGraph, scores: string, labels: readonly string[]): void {
  graph.op('Identity', [scores], {}, { into: graph.claim(ONNX_OUTPUTS.probabilities) });
  graph.output(ONNX_OUTPUTS.probabilities, 'double', ['N', labels.length], `P(label), in the order ${JSON.stringify(labels)}`);
  let index: string;
  if (labels.length === 2) {
    const positive = graph.op('Gather', [scores, graph.scalar('int64', 1)], { axis: { int: 1 } });
    const atLeast = graph.op('GreaterOrEqual', [positive, graph.scalar('double', BINARY_THRESHOLD)]);
    index = graph.op('Cast', [atLeast], { to: { elemType: 'int64' } });
  } else {
    index = graph.op('ArgMax', [scores], { axis: { int: 1 }, keepdims: { int: 0 } });
  }
  const names = graph.constant('labels', { type: 'string', dims: [labels.length], values: labels });
  graph.op('Gather', [names, index], { axis: { int: 0 } }, { into: graph.claim(ONNX_OUTPUTS.label) });
  graph.output(ONNX_OUTPUTS.label, 'string', ['N'], `${labels.length === 2 ? `"${labels[1]}" when its probability ≥ ${BINARY_THRESHOLD}` : 'the most probable label'}`);
}
