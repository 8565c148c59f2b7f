'use client';
// The pipeline drawing, editable for roles that may change it: drag nodes, draw and remove
// connections (refused ones say why), select with click, Shift-click or a Shift-drag box, drop node
// types from the palette, rename in place. The document lives in the editor store; this component
// turns it into React Flow elements and React Flow's events back into editor actions. Run state is
// merged into node data, so status updates never remount or re-measure anything.
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type EdgeChange,
  type EdgeMouseHandler,
  type EdgeTypes,
  type IsValidConnection,
  type NodeChange,
  type NodeMouseHandler,
  type NodeTypes,
  type OnConnect,
  type OnConnectEnd,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState, type DragEvent, type ReactNode } from 'react';
import { CanvasActionsContext, type CanvasActions } from '../editor/canvas-actions';
import { attemptBetween, ConnectionRefusal, type RefusalNotice } from '../editor/ConnectionRefusal';
import { connectionRefusal } from '../editor/connection-rules';
import { useEditor, useEditorStore } from '../editor/EditorContext';
import type { Size, XY } from '../editor/editor-types';
import { decodePaletteDrag, PALETTE_DRAG_TYPE } from '../editor/palette-groups';
import { PipeEdge as PipeEdgeView } from '../editor/PipeEdge';
import { createFlowCache, issuesByNode, typeKey, undeclaredPorts, type PipeEdge, type StepNode } from './flow-elements';
import { PipelineNode } from './PipelineNode';
import type { NodeTypeInfo, StepView } from './pipeline-types';

// Module scope: a new object on each render would make React Flow remount every node.
const nodeTypes: NodeTypes = { step: PipelineNode };
const edgeTypes: EdgeTypes = { pipe: PipeEdgeView };

const MINIMAP_STYLE = { width: 140, height: 90 };
const FIT_VIEW_OPTIONS = { padding: 0.1, maxZoom: 1.1 };
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const NOTICE_MS = 4000;
/** Where the pointer sits on a node dropped from the palette: over its title, not its corner. */
const DROP_GRIP: XY = { x: 120, y: 24 };

const STATUS_COLORS: Record<string, string> = {
  queued: '#a1a1aa',
  running: '#6366f1',
  succeeded: '#10b981',
  cached: '#0ea5e9',
  failed: '#ef4444',
  cancelled: '#f59e0b',
};

interface PipelineCanvasProps {
  types: ReadonlyMap<string, NodeTypeInfo>;
  steps: ReadonlyMap<string, StepView>;
  /** The role may edit and this is the working document (not an old version on show). */
  editable: boolean;
  /** Show a node in the side panel (null: none), opening one of its outputs when given. */
  onInspect: (nodeId: string | null, port?: string) => void;
  /** Panels and overlays drawn over the canvas (toolbar, empty-canvas hint). */
  children?: ReactNode;
}

export function PipelineCanvas({ types, steps, editable, onInspect, children }: PipelineCanvasProps) {
  const store = useEditorStore();
  const doc = useEditor((s) => s.doc);
  const issues = useEditor((s) => s.compiled.issues);
  const selectedNodeIds = useEditor((s) => s.selectedNodeIds);
  const selectedEdgeIds = useEditor((s) => s.selectedEdgeIds);
  const renamingId = useEditor((s) => s.renamingId);
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const [cache] = useState(createFlowCache);
  const [notice, setNotice] = useState<RefusalNotice | null>(null);
  const { screenToFlowPosition } = useReactFlow();
  // Fit only what there is on opening: on an empty canvas React Flow would otherwise fit (and
  // zoom in on) the first node dropped, moving the view under the person's hand.
  const [fitOnOpen] = useState(() => store.getState().doc.nodes.length > 0);

  const issueMap = useMemo(() => issuesByNode(issues), [issues]);
  const undeclared = useMemo(() => undeclaredPorts(doc, types), [doc, types]);
  const selectedNodes = useMemo(() => new Set(selectedNodeIds), [selectedNodeIds]);
  const selectedEdges = useMemo(() => new Set(selectedEdgeIds), [selectedEdgeIds]);
  const docNodes = useMemo(() => new Map(doc.nodes.map((n) => [n.id, n])), [doc.nodes]);
  const nodes = useMemo(
    () => cache.nodes(doc.nodes, { types, issues: issueMap, steps, selected: selectedNodes, renamingId, measured, undeclared }),
    [cache, doc.nodes, types, issueMap, steps, selectedNodes, renamingId, measured, undeclared],
  );
  const edges = useMemo(() => cache.edges(doc.edges, { nodes: docNodes, types, steps, selected: selectedEdges }), [cache, doc.edges, docNodes, types, steps, selectedEdges]);

  const onNodesChange = useCallback(
    (changes: NodeChange<StepNode>[]) => {
      let positions: Map<string, XY> | null = null;
      let dragging = false;
      let sizes: Map<string, Size> | null = null;
      let selection: Set<string> | null = null;
      for (const c of changes) {
        if (c.type === 'position') {
          if (c.position) (positions ??= new Map()).set(c.id, c.position);
          dragging ||= Boolean(c.dragging);
        } else if (c.type === 'dimensions' && c.dimensions) {
          (sizes ??= new Map()).set(c.id, c.dimensions);
        } else if (c.type === 'select') {
          selection ??= new Set(store.getState().selectedNodeIds);
          if (c.selected) selection.add(c.id);
          else selection.delete(c.id);
        }
      }
      if (positions && editable) store.moveNodes(positions, dragging);
      if (selection) store.select([...selection], store.getState().selectedEdgeIds);
      if (sizes) {
        const changed = sizes;
        setMeasured((prev) => {
          const stale = [...changed].filter(([id, d]) => prev.get(id)?.width !== d.width || prev.get(id)?.height !== d.height);
          if (stale.length === 0) return prev;
          const next = new Map(prev);
          for (const [id, d] of stale) next.set(id, { width: d.width, height: d.height });
          return next;
        });
      }
    },
    [store, editable],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<PipeEdge>[]) => {
      let selection: Set<string> | null = null;
      for (const c of changes) {
        if (c.type !== 'select') continue;
        selection ??= new Set(store.getState().selectedEdgeIds);
        if (c.selected) selection.add(c.id);
        else selection.delete(c.id);
      }
      if (selection) store.select(store.getState().selectedNodeIds, [...selection]);
    },
    [store],
  );

  const isValidConnection = useCallback<IsValidConnection>((c) => connectionRefusal(store.getState().doc, types, c) === null, [store, types]);
  const onConnect = useCallback<OnConnect>(
    (c) => {
      const refusal = store.connect(c, types);
      if (refusal) setNotice({ reason: refusal, x: 16, y: 16 });
    },
    [store, types],
  );
  const onConnectEnd = useCallback<OnConnectEnd>(
    (_event, state) => {
      if (state.isValid !== false || !state.fromHandle || !state.toHandle || !state.pointer) return;
      const reason = connectionRefusal(store.getState().doc, types, attemptBetween(state.fromHandle, state.toHandle));
      if (reason) setNotice({ reason, x: state.pointer.x, y: state.pointer.y });
    },
    [store, types],
  );
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const onNodeClick = useCallback<NodeMouseHandler<StepNode>>((_, node) => onInspect(node.id), [onInspect]);
  const onNodeDoubleClick = useCallback<NodeMouseHandler<StepNode>>((_, node) => editable && store.startRename(node.id), [editable, store]);
  const onEdgeClick = useCallback<EdgeMouseHandler<PipeEdge>>((_, edge) => onInspect(edge.source, edge.sourceHandle ?? undefined), [onInspect]);
  const onPaneClick = useCallback(() => onInspect(null), [onInspect]);
  const endDrag = useCallback(() => store.endDrag(), [store]);
  const miniMapColor = useCallback((n: StepNode) => STATUS_COLORS[steps.get(n.id)?.status ?? ''] ?? '#d4d4d8', [steps]);

  const onDragOver = useCallback(
    (e: DragEvent) => {
      if (!editable || !e.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    },
    [editable],
  );
  const onDrop = useCallback(
    (e: DragEvent) => {
      const dropped = editable ? decodePaletteDrag(e.dataTransfer.getData(PALETTE_DRAG_TYPE)) : null;
      const type = dropped && types.get(typeKey(dropped.type, dropped.version));
      if (!type) return;
      e.preventDefault();
      const at = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      onInspect(store.addNode(type, { x: at.x - DROP_GRIP.x, y: at.y - DROP_GRIP.y }));
    },
    [editable, types, screenToFlowPosition, store, onInspect],
  );

  const actions = useMemo<CanvasActions>(
    () => ({
      editable,
      commitRename: (id, label) => store.rename(id, label),
      cancelRename: () => store.stopRename(),
      disconnect: (id) => store.disconnect([id]),
      inspectPort: (nodeId, port) => onInspect(nodeId, port),
    }),
    [editable, store, onInspect],
  );

  return (
    <CanvasActionsContext value={actions}>
      <ReactFlow<StepNode, PipeEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeClick={onNodeClick}
        onNodeDoubleClick={onNodeDoubleClick}
        onEdgeClick={onEdgeClick}
        onPaneClick={onPaneClick}
        onNodeDragStop={endDrag}
        onSelectionDragStop={endDrag}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onDragOver={onDragOver}
        onDrop={onDrop}
        nodesDraggable={editable}
        nodesConnectable={editable}
        edgesFocusable={editable}
        elementsSelectable
        selectNodesOnDrag={editable}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        deleteKeyCode={null}
        zoomOnDoubleClick={false}
        connectionRadius={24}
        fitView={fitOnOpen}
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.1}
        maxZoom={2}
        className="bg-zinc-50"
      >
        <Background gap={20} size={1} color="#d4d4d8" />
        <Controls showInteractive={false} position="bottom-left" />
        <MiniMap<StepNode> pannable zoomable nodeColor={miniMapColor} nodeStrokeWidth={0} maskColor="rgba(244,244,245,0.7)" position="bottom-right" ariaLabel="Pipeline overview" style={MINIMAP_STYLE} />
        <ConnectionRefusal types={types} notice={notice} />
        {children}
      </ReactFlow>
    </CanvasActionsContext>
  );
}
