// The shapes the editor works on: the saved document itself (engine/document.ts) and the slice of
// each node type the editor needs (ports, title, defaults), as pipeline.nodeTypes returns it.
import type { EdgeInstance, NodeInstance, PipelineDoc } from '../../engine/document';

export type { EdgeInstance, NodeInstance, PipelineDoc };

export interface XY {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface EditorPort {
  name: string;
  kind: string;
  label?: string;
  optional?: boolean;
}

export interface EditorNodeType {
  type: string;
  version: number;
  title: string;
  category: string;
  description: string;
  inputs: readonly EditorPort[];
  outputs: readonly EditorPort[];
  /** Every param with its default filled in, or null when some param has no default. */
  paramDefaults?: Record<string, unknown> | null;
  /** Params that hold user code (code nodes). */
  codeParams?: readonly string[];
}

/** `type@version` → the node type, as the document names it. */
export type TypeIndex = ReadonlyMap<string, EditorNodeType>;

/** A connection being drawn; React Flow gives handles as nullable strings. */
export interface ConnectionAttempt {
  source: string;
  sourceHandle?: string | null;
  target: string;
  targetHandle?: string | null;
}

export function typeKey(type: string, version: number): string {
  return `${type}@${version}`;
}

export function typeOf(types: TypeIndex, node: Pick<NodeInstance, 'type' | 'version'>): EditorNodeType | undefined {
  return types.get(typeKey(node.type, node.version));
}

/** How the editor names a node in messages: its label, else its type's title, else its id. */
export function displayName(node: Pick<NodeInstance, 'id' | 'label' | 'type' | 'version'>, types: TypeIndex): string {
  return node.label?.trim() || typeOf(types, node)?.title || node.id;
}

/** The size a node is assumed to have before React Flow has measured it. */
export const DEFAULT_NODE_SIZE: Size = { width: 240, height: 120 };
