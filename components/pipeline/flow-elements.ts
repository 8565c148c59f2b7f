// Turns a pipeline document into React Flow nodes and edges. Node data stays plain and serialisable.
import type { Edge, Node } from '@xyflow/react';
import type { DocView, IssueView, NodeTypeInfo, PortInfo, StepView } from './pipeline-types';
import { portColor } from './port-kinds';

/** The slice of a step a node draws; null before any run. */
export type NodeStepState = {
  status: string;
  progress: number | null;
  progressMessage: string | null;
  cachedFromRunId: string | null;
  errorMessage: string | null;
  durationMs: number | null;
};

export type StepNodeData = {
  label: string;
  /** `type@version`, as the document names it. */
  typeRef: string;
  description: string;
  title: string;
  category: string;
  known: boolean;
  inputs: PortInfo[];
  outputs: PortInfo[];
  issues: { severity: 'error' | 'warning'; message: string }[];
  step: NodeStepState | null;
};

export type StepNode = Node<StepNodeData, 'step'>;

export function typeKey(type: string, version: number): string {
  return `${type}@${version}`;
}

export function indexNodeTypes(types: readonly NodeTypeInfo[]): Map<string, NodeTypeInfo> {
  const map = new Map<string, NodeTypeInfo>();
  for (const t of types) map.set(typeKey(t.type, t.version), t);
  return map;
}

/** Ports the node type declares, plus any an edge names that it does not (so every edge can draw). */
function portsOf(declared: readonly PortInfo[] | undefined, named: string[]): PortInfo[] {
  const ports = declared ? [...declared] : [];
  for (const name of named) if (!ports.some((p) => p.name === name)) ports.push({ name, kind: 'unknown' });
  return ports;
}

export function buildNodes(doc: DocView, types: Map<string, NodeTypeInfo>, issues: readonly IssueView[]): StepNode[] {
  return doc.nodes.map((n) => {
    const info = types.get(typeKey(n.type, n.version));
    const inNames = doc.edges.filter((e) => e.target === n.id).map((e) => e.targetHandle);
    const outNames = doc.edges.filter((e) => e.source === n.id).map((e) => e.sourceHandle);
    return {
      id: n.id,
      type: 'step',
      position: n.position,
      className: 'pw-readonly',
      data: {
        label: n.label ?? info?.title ?? n.type,
        typeRef: typeKey(n.type, n.version),
        description: info?.description ?? '',
        title: info ? info.title : `${n.type} v${n.version}`,
        category: info?.category ?? n.type.split('/')[0] ?? '',
        known: Boolean(info),
        inputs: portsOf(info?.inputs, inNames),
        outputs: portsOf(info?.outputs, outNames),
        issues: issues.filter((i) => i.nodeId === n.id).map((i) => ({ severity: i.severity, message: i.message })),
        step: null,
      },
    };
  });
}

export function stepState(step: StepView | undefined): NodeStepState | null {
  if (!step) return null;
  return {
    status: step.status,
    progress: step.progress,
    progressMessage: step.progressMessage,
    cachedFromRunId: step.cachedFromRunId,
    errorMessage: step.errorMessage,
    durationMs: step.startedAt != null && step.finishedAt != null ? step.finishedAt - step.startedAt : null,
  };
}

export function buildEdges(doc: DocView, nodes: readonly StepNode[], steps: Map<string, StepView>): Edge[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return doc.edges.map((e) => {
    const kind = byId.get(e.source)?.data.outputs.find((p) => p.name === e.sourceHandle)?.kind;
    const running = steps.get(e.target)?.status === 'running';
    return {
      id: e.id,
      source: e.source,
      sourceHandle: e.sourceHandle,
      target: e.target,
      targetHandle: e.targetHandle,
      animated: running,
      focusable: false,
      selectable: false,
      style: { stroke: portColor(kind), strokeWidth: 1.75 },
    };
  });
}
