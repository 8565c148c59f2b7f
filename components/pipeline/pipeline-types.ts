// What the pipeline page reads from the server, narrowed to the fields it shows.
// Server outputs are assigned to these types, so a change on the server shows up at compile time.

export interface DocNode {
  id: string;
  type: string;
  version: number;
  label?: string;
  position: { x: number; y: number };
}

export interface DocEdge {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
  targetHandle: string;
}

export interface DocView {
  name: string;
  description?: string;
  nodes: DocNode[];
  edges: DocEdge[];
}

export interface PortInfo {
  name: string;
  kind: string;
  label?: string;
  optional?: boolean;
}

export interface NodeTypeInfo {
  type: string;
  version: number;
  title: string;
  category: string;
  description: string;
  inputs: readonly PortInfo[];
  outputs: readonly PortInfo[];
}

export interface IssueView {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  nodeId?: string;
  edgeId?: string;
  field?: string;
}

export interface ArtifactRefView {
  id: string;
  kind: string;
  size: number;
}

export interface StepView {
  stepId: string;
  nodeType: string;
  label: string | null;
  status: string;
  progress: number | null;
  progressMessage: string | null;
  startedAt: number | null;
  finishedAt: number | null;
  peakMemoryBytes: number | null;
  cachedFromRunId: string | null;
  runner: string | null;
  backend: string | null;
  outputs: Record<string, ArtifactRefView> | null;
  errorCode: string | null;
  errorMessage: string | null;
}

export interface RunView {
  id: string;
  status: string;
  trigger: string;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  steps: StepView[];
}

export interface RunSummary {
  id: string;
  status: string;
  trigger: string;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

export const TERMINAL_RUN_STATES: readonly string[] = ['succeeded', 'failed', 'cancelled'];

export function isFinished(status: string | undefined): boolean {
  return status !== undefined && TERMINAL_RUN_STATES.includes(status);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The stored document is validated on the server; this only guards the fields the canvas draws. */
export function readDoc(raw: unknown): DocView {
  const doc = isRecord(raw) ? raw : {};
  const nodes = Array.isArray(doc.nodes) ? doc.nodes.filter(isRecord) : [];
  const edges = Array.isArray(doc.edges) ? doc.edges.filter(isRecord) : [];
  return {
    name: typeof doc.name === 'string' ? doc.name : '',
    description: typeof doc.description === 'string' ? doc.description : undefined,
    nodes: nodes.map((n) => {
      const position = isRecord(n.position) ? n.position : {};
      return {
        id: String(n.id),
        type: String(n.type),
        version: typeof n.version === 'number' ? n.version : 1,
        label: typeof n.label === 'string' && n.label ? n.label : undefined,
        position: { x: Number(position.x) || 0, y: Number(position.y) || 0 },
      };
    }),
    edges: edges.map((e) => ({
      id: String(e.id),
      source: String(e.source),
      sourceHandle: String(e.sourceHandle),
      target: String(e.target),
      targetHandle: String(e.targetHandle),
    })),
  };
}
