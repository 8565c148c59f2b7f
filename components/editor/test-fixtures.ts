// Node types and a small pipeline for the editor's unit tests: ingest → clean → split → train.
import type { EditorNodeType, PipelineDoc, TypeIndex } from './editor-types';
import { typeKey } from './editor-types';

const table = (name: string, optional = false) => ({ name, kind: 'table', ...(optional ? { optional } : {}) });

export const TYPES: EditorNodeType[] = [
  { type: 'ingest/sample-dataset', version: 1, title: 'Sample dataset', category: 'ingest', description: 'A bundled dataset', inputs: [], outputs: [table('table')], paramDefaults: { dataset: 'iris' } },
  { type: 'clean/filter-rows', version: 1, title: 'Filter rows', category: 'clean', description: 'Keeps matching rows', inputs: [table('table')], outputs: [table('table')], paramDefaults: null },
  { type: 'split/random', version: 1, title: 'Random split', category: 'split', description: 'Train and test', inputs: [table('table')], outputs: [table('train'), table('test')], paramDefaults: { train: 0.8 } },
  {
    type: 'train/logistic-regression',
    version: 1,
    title: 'Train logistic regression',
    category: 'train',
    description: 'A classifier',
    inputs: [table('train'), table('validation', true)],
    outputs: [{ name: 'model', kind: 'model' }],
    paramDefaults: { epochs: 10 },
  },
];

export const TYPE_INDEX: TypeIndex = new Map(TYPES.map((t) => [typeKey(t.type, t.version), t]));

export function sampleDoc(): PipelineDoc {
  return {
    schemaVersion: 1,
    id: 'p1',
    name: 'Pipeline one',
    nodes: [
      { id: 'ingest', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'iris' }, position: { x: 0, y: 0 }, label: 'Iris' },
      { id: 'clean', type: 'clean/filter-rows', version: 1, params: {}, position: { x: 300, y: 0 }, label: 'Clean' },
      { id: 'split', type: 'split/random', version: 1, params: { train: 0.8 }, position: { x: 600, y: 0 } },
      { id: 'train', type: 'train/logistic-regression', version: 1, params: {}, position: { x: 900, y: 0 } },
    ],
    edges: [
      { id: 'e1', source: 'ingest', sourceHandle: 'table', target: 'clean', targetHandle: 'table' },
      { id: 'e2', source: 'clean', sourceHandle: 'table', target: 'split', targetHandle: 'table' },
    ],
  };
}
