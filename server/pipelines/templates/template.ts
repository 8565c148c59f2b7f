// What a pipeline template is, and the helpers every template builds its document with.
import { CURRENT_SCHEMA_VERSION, type EdgeInstance, type NodeInstance, type PipelineDoc } from '../../../engine/document';

export type TemplateCategory = 'classification' | 'regression' | 'forecasting';

/** What the gallery shows about a template; plain data, so it travels to the browser as is. */
export interface TemplateInfo {
  id: string;
  title: string;
  description: string;
  category: TemplateCategory;
  /** The question it answers, in a customer's words. */
  useCase: string;
  dataset: { name: string; rows: number; description: string };
  /** What it trains, e.g. "Logistic regression with balanced class weights". */
  trains: string;
  /** The evaluate step's headline metric, which its quality gate checks. */
  headlineMetric: 'roc_auc' | 'r2';
  /** Wall-clock seconds of a first run (nothing cached) measured on a 2-core machine, rounded up; the gallery shows it. */
  estimatedSeconds: number;
}

export interface PipelineTemplate extends TemplateInfo {
  /** A new document: `id` and `name` are the new pipeline's. Nodes keep the template's ids. */
  build(id: string, name: string): PipelineDoc;
}

const COLUMN_WIDTH = 300;
const ROW_HEIGHT = 160;

/** A node placed on a left-to-right grid: column 0 is the ingest step, each later stage one column right. */
export function gridNode(
  id: string,
  type: string,
  label: string,
  params: Record<string, unknown>,
  at: { column: number; row?: number },
): NodeInstance {
  return { id, type, version: 1, label, params, position: { x: at.column * COLUMN_WIDTH, y: 120 + (at.row ?? 0) * ROW_HEIGHT } };
}

/** An edge from `source.output` to `target.input`; its id names both ends, so it stays unique. */
export function wire(source: string, output: string, target: string, input: string): EdgeInstance {
  return { id: `${source}.${output}-${target}.${input}`, source, sourceHandle: output, target, targetHandle: input };
}

export function templateDoc(id: string, name: string, description: string, nodes: NodeInstance[], edges: EdgeInstance[]): PipelineDoc {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, id, name, description, nodes, edges };
}

/**
 * The wiring every template shares: ingest → the clean steps in order → split; the split's train
 * side trains, its test side and the model are evaluated. Node ids are the ones each template uses.
 */
export function trainAndEvaluateEdges(clean: readonly string[]): EdgeInstance[] {
  const chain = ['ingest', ...clean, 'split'];
  return [
    ...chain.slice(1).map((to, i) => wire(chain[i], 'table', to, 'table')),
    wire('split', 'train', 'train', 'train'),
    wire('train', 'model', 'evaluate', 'model'),
    wire('split', 'test', 'evaluate', 'table'),
  ];
}
