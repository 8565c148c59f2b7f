// A small trainable pipeline over a dataset version (or the bundled sample), for registry, lineage and storage tests:
// dataset → stratified split → logistic regression → evaluate. Fast enough to run many times.
import type { PipelineDoc } from '../../../engine/document';

/** `dataset` names an uploaded dataset; without it the bundled breast-cancer sample is read. */
export function datasetClassifier(options: { id?: string; dataset?: string; register?: string; seed?: number }): PipelineDoc {
  const train: Record<string, unknown> = { target: 'diagnosis' };
  if (options.register) train.register = options.register;
  return {
    schemaVersion: 1,
    id: options.id ?? 'cancer-registry',
    name: 'Cancer screen',
    nodes: [
      options.dataset
        ? { id: 'ingest', type: 'ingest/dataset', version: 1, params: { name: options.dataset, version: 'latest' }, position: { x: 0, y: 0 } }
        : { id: 'ingest', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'breast-cancer' }, position: { x: 0, y: 0 } },
      { id: 'split', type: 'split/random', version: 1, params: { train: 0.75, validation: 0, test: 0.25, seed: options.seed ?? 0, stratifyBy: 'diagnosis' }, position: { x: 200, y: 0 } },
      { id: 'train', type: 'train/logistic-regression', version: 1, params: train, position: { x: 400, y: 0 } },
      { id: 'evaluate', type: 'evaluate/model', version: 1, params: {}, position: { x: 600, y: 0 } },
    ],
    edges: [
      { id: 'e1', source: 'ingest', sourceHandle: 'table', target: 'split', targetHandle: 'table' },
      { id: 'e2', source: 'split', sourceHandle: 'train', target: 'train', targetHandle: 'train' },
      { id: 'e3', source: 'train', sourceHandle: 'model', target: 'evaluate', targetHandle: 'model' },
      { id: 'e4', source: 'split', sourceHandle: 'test', target: 'evaluate', targetHandle: 'table' },
    ],
    settings: { placement: 'server' },
  };
}
