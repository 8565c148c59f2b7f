'use client';
// The read-only pipeline drawing. Nodes keep React Flow's measurements in local state; run state is
// merged into node data on every render, so status updates never remount or re-measure anything.
import { Background, Controls, MiniMap, ReactFlow, useNodesState, type NodeMouseHandler, type NodeTypes } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import { buildEdges, stepState, type StepNode } from './flow-elements';
import { PipelineNode } from './PipelineNode';
import type { DocView, StepView } from './pipeline-types';

// Module scope: a new object on each render would make React Flow remount every node.
const nodeTypes: NodeTypes = { step: PipelineNode };

const MINIMAP_STYLE = { width: 140, height: 90 };

const STATUS_COLORS: Record<string, string> = {
  queued: '#a1a1aa',
  running: '#6366f1',
  succeeded: '#10b981',
  cached: '#0ea5e9',
  failed: '#ef4444',
  cancelled: '#f59e0b',
};

interface PipelineCanvasProps {
  doc: DocView;
  initialNodes: StepNode[];
  steps: Map<string, StepView>;
  selectedNodeId: string | null;
  onSelectNode: (id: string | null) => void;
}

export function PipelineCanvas({ doc, initialNodes, steps, selectedNodeId, onSelectNode }: PipelineCanvasProps) {
  const [baseNodes, , onNodesChange] = useNodesState(initialNodes);

  const nodes = useMemo(
    () =>
      baseNodes.map((n) => ({
        ...n,
        selected: n.id === selectedNodeId,
        data: { ...n.data, step: stepState(steps.get(n.id)) },
      })),
    [baseNodes, steps, selectedNodeId],
  );
  const edges = useMemo(() => buildEdges(doc, baseNodes, steps), [doc, baseNodes, steps]);

  const onNodeClick = useCallback<NodeMouseHandler<StepNode>>((_, node) => onSelectNode(node.id), [onSelectNode]);
  const onPaneClick = useCallback(() => onSelectNode(null), [onSelectNode]);
  const miniMapColor = useCallback((n: StepNode) => STATUS_COLORS[steps.get(n.id)?.status ?? ''] ?? '#d4d4d8', [steps]);

  return (
    <ReactFlow<StepNode>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onNodeClick={onNodeClick}
      onPaneClick={onPaneClick}
      nodesDraggable={false}
      nodesConnectable={false}
      edgesFocusable={false}
      elementsSelectable
      selectNodesOnDrag={false}
      deleteKeyCode={null}
      fitView
      fitViewOptions={{ padding: 0.25, maxZoom: 1.1 }}
      minZoom={0.2}
      maxZoom={2}
      className="bg-zinc-50"
    >
      <Background gap={20} size={1} color="#d4d4d8" />
      <Controls showInteractive={false} position="bottom-left" />
      <MiniMap<StepNode> pannable zoomable nodeColor={miniMapColor} nodeStrokeWidth={0} maskColor="rgba(244,244,245,0.7)" position="bottom-right" ariaLabel="Pipeline overview" style={MINIMAP_STYLE} />
    </ReactFlow>
  );
}
