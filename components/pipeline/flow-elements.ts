// Turns the editor's document into React Flow nodes and edges. Node data stays plain and
// serialisable. The cache hands back the very same object for a node or edge whose inputs did not
// change, so React Flow skips it (it compares user nodes by identity) and a drag or a run update
// redraws only what moved or changed, even on a 300-node pipeline.
import type { Edge, Node } from '@xyflow/react';
import { typeKey, type EdgeInstance, type NodeInstance, type PipelineDoc, type Size } from '../editor/editor-types';
import type { IssueView, NodeTypeInfo, PortInfo, StepView } from './pipeline-types';
import { stepStatusWord } from '../runs/runner-words';
import { portColor } from './port-kinds';

export { typeKey };

/** The slice of a step a node draws; null before any run. */
export type NodeStepState = {
  status: string;
  /** The badge's word: "waiting" for a step queued for a worker that none took yet (stepStatusWord). */
  statusWord: string;
  progress: number | null;
  progressMessage: string | null;
  cachedFromRunId: string | null;
  errorMessage: string | null;
  durationMs: number | null;
  /** Where it ran when that is worth a glance: 'browser', with the ML backend ('browser · webgpu'). */
  ranOn: string | null;
  /** Why an earlier ML backend was passed over. */
  backendNote: string | null;
};

export type NodeIssue = { severity: 'error' | 'warning'; message: string };

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
  issues: readonly NodeIssue[];
  step: NodeStepState | null;
  /** The label is being edited in place on the canvas. */
  renaming: boolean;
};

export type StepNode = Node<StepNodeData, 'step'>;

export type PipeEdgeData = { color: string; running: boolean };
export type PipeEdge = Edge<PipeEdgeData, 'pipe'>;

export function indexNodeTypes(types: readonly NodeTypeInfo[]): Map<string, NodeTypeInfo> {
  const map = new Map<string, NodeTypeInfo>();
  for (const t of types) map.set(typeKey(t.type, t.version), t);
  return map;
}

const NO_ISSUES: readonly NodeIssue[] = [];

/** Issues by the node they concern; a loop's issue goes on every node of the loop. */
export function issuesByNode(issues: readonly IssueView[]): Map<string, NodeIssue[]> {
  const map = new Map<string, NodeIssue[]>();
  for (const issue of issues) {
    const ids = issue.nodeIds ?? (issue.nodeId ? [issue.nodeId] : []);
    for (const id of ids) {
      const list = map.get(id);
      const entry = { severity: issue.severity, message: issue.message };
      if (list) list.push(entry);
      else map.set(id, [entry]);
    }
  }
  return map;
}

/**
 * Port names that edges use but the node type does not declare (an unknown type, a renamed
 * port), as one key per node, so every edge still has a handle to draw to.
 */
export function undeclaredPorts(doc: PipelineDoc, types: ReadonlyMap<string, NodeTypeInfo>): Map<string, string> {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const found = new Map<string, { inputs: Set<string>; outputs: Set<string> }>();
  const note = (nodeId: string, side: 'inputs' | 'outputs', name: string) => {
    const node = byId.get(nodeId);
    if (!node) return;
    const declared = types.get(typeKey(node.type, node.version))?.[side];
    if (declared?.some((p) => p.name === name)) return;
    const entry = found.get(nodeId) ?? { inputs: new Set<string>(), outputs: new Set<string>() };
    entry[side].add(name);
    found.set(nodeId, entry);
  };
  for (const e of doc.edges) {
    note(e.source, 'outputs', e.sourceHandle);
    note(e.target, 'inputs', e.targetHandle);
  }
  return new Map([...found].map(([id, { inputs, outputs }]) => [id, `${[...inputs].join('\u0000')}\u0001${[...outputs].join('\u0000')}`]));
}

function portsOf(declared: readonly PortInfo[] | undefined, extra: string): PortInfo[] {
  const ports = declared ? [...declared] : [];
  for (const name of extra ? extra.split('\u0000') : []) ports.push({ name, kind: 'unknown' });
  return ports;
}

export function stepState(step: StepView | undefined): NodeStepState | null {
  if (!step) return null;
  return {
    status: step.status,
    statusWord: stepStatusWord(step.status, step.runner),
    progress: step.progress,
    progressMessage: step.progressMessage,
    cachedFromRunId: step.cachedFromRunId,
    errorMessage: step.errorMessage,
    durationMs: step.startedAt != null && step.finishedAt != null ? step.finishedAt - step.startedAt : null,
    ranOn: ranOn(step),
    backendNote: step.backendNote ?? null,
  };
}

function ranOn(step: StepView): string | null {
  // A queue worker is the server's side too (server/queue); the run view names which one.
  const where = step.runner?.startsWith('browser') ? 'browser' : step.runner?.startsWith('server') || step.runner?.startsWith('queue:') ? 'server' : null;
  if (!where) return null;
  return step.backend ? `${where} · ${step.backend}` : where === 'browser' ? where : null;
}

export interface NodeInputs {
  types: ReadonlyMap<string, NodeTypeInfo>;
  issues: ReadonlyMap<string, readonly NodeIssue[]>;
  steps: ReadonlyMap<string, StepView>;
  selected: ReadonlySet<string>;
  renamingId: string | null;
  measured: ReadonlyMap<string, Size>;
  undeclared: ReadonlyMap<string, string>;
}

/** What a node draws, apart from where it is: a move, a measurement or a selection keeps this object. */
export function buildNodeData(n: NodeInstance, inputs: NodeInputs): StepNodeData {
  const info = inputs.types.get(typeKey(n.type, n.version));
  const [extraIn = '', extraOut = ''] = (inputs.undeclared.get(n.id) ?? '').split('\u0001');
  return {
    label: n.label?.trim() || info?.title || n.type,
    typeRef: typeKey(n.type, n.version),
    description: info?.description ?? '',
    title: info ? info.title : `${n.type} v${n.version}`,
    category: info?.category ?? n.type.split('/')[0] ?? '',
    known: Boolean(info),
    inputs: portsOf(info?.inputs, extraIn),
    outputs: portsOf(info?.outputs, extraOut),
    issues: inputs.issues.get(n.id) ?? NO_ISSUES,
    step: stepState(inputs.steps.get(n.id)),
    renaming: inputs.renamingId === n.id,
  };
}

export function buildNode(n: NodeInstance, data: StepNodeData, inputs: NodeInputs): StepNode {
  return { id: n.id, type: 'step', position: n.position, selected: inputs.selected.has(n.id), measured: inputs.measured.get(n.id), data };
}

export interface EdgeInputs {
  nodes: ReadonlyMap<string, NodeInstance>;
  types: ReadonlyMap<string, NodeTypeInfo>;
  steps: ReadonlyMap<string, StepView>;
  selected: ReadonlySet<string>;
}

function edgeColor(e: EdgeInstance, inputs: EdgeInputs): string {
  const source = inputs.nodes.get(e.source);
  const info = source && inputs.types.get(typeKey(source.type, source.version));
  return portColor(info?.outputs.find((p) => p.name === e.sourceHandle)?.kind);
}

/** Data flows along an edge while the step it feeds runs: not while that step only waits in the queue. */
function feedsRunningStep(e: EdgeInstance, inputs: EdgeInputs): boolean {
  const step = inputs.steps.get(e.target);
  return step !== undefined && stepStatusWord(step.status, step.runner) === 'running';
}

export function buildEdge(e: EdgeInstance, inputs: EdgeInputs): PipeEdge {
  const running = feedsRunningStep(e, inputs);
  return {
    id: e.id,
    type: 'pipe',
    source: e.source,
    sourceHandle: e.sourceHandle,
    target: e.target,
    targetHandle: e.targetHandle,
    selected: inputs.selected.has(e.id),
    animated: running,
    data: { color: edgeColor(e, inputs), running },
  };
}

/** Remembers each element with what it was built from; rebuilds only when one of those changed. */
function memoBuilder<K, V>() {
  let entries = new Map<string, { deps: unknown[]; value: V }>();
  return (items: readonly K[], idOf: (item: K) => string, depsOf: (item: K) => unknown[], build: (item: K) => V): V[] => {
    const next = new Map<string, { deps: unknown[]; value: V }>();
    const out = items.map((item) => {
      const id = idOf(item);
      const deps = depsOf(item);
      const old = entries.get(id);
      const value = old && old.deps.length === deps.length && old.deps.every((d, i) => d === deps[i]) ? old.value : build(item);
      next.set(id, { deps, value });
      return value;
    });
    entries = next;
    return out;
  };
}

export function createFlowCache() {
  const data = memoBuilder<NodeInstance, StepNodeData>();
  const nodes = memoBuilder<{ n: NodeInstance; data: StepNodeData }, StepNode>();
  const edges = memoBuilder<EdgeInstance, PipeEdge>();
  return {
    // Two layers: the memoised node card re-renders only when its data changes, never for a move,
    // a measurement or a selection elsewhere.
    nodes: (docNodes: readonly NodeInstance[], inputs: NodeInputs): StepNode[] => {
      const datas = data(
        docNodes,
        (n) => n.id,
        (n) => [n.label, n.type, n.version, inputs.types, inputs.issues.get(n.id), inputs.steps.get(n.id), inputs.renamingId === n.id, inputs.undeclared.get(n.id)],
        (n) => buildNodeData(n, inputs),
      );
      return nodes(
        docNodes.map((n, i) => ({ n, data: datas[i] })),
        ({ n }) => n.id,
        ({ n, data: d }) => [d, n.position, inputs.selected.has(n.id), inputs.measured.get(n.id)],
        ({ n, data: d }) => buildNode(n, d, inputs),
      );
    },
    edges: (docEdges: readonly EdgeInstance[], inputs: EdgeInputs): PipeEdge[] =>
      edges(
        docEdges,
        (e) => e.id,
        (e) => [e, edgeColor(e, inputs), feedsRunningStep(e, inputs), inputs.selected.has(e.id)],
        (e) => buildEdge(e, inputs),
      ),
  };
}
