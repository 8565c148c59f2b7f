'use client';
// The read-only React Flow canvas under every lineage picture (data lineage, retrain chain): laid
// out left to right by dagre from each card's size, fitted to view, in the lineage colours.
import { Background, Controls, ReactFlow, ReactFlowProvider, type Edge, type Node, type NodeMouseHandler, type NodeTypes } from '@xyflow/react';
import { useMemo, type CSSProperties } from 'react';
import { layoutLineage, type Placed } from './lineage-layout';

export interface LineageEdge {
  id: string;
  source: string;
  target: string;
  label?: string;
}

export interface CardSize {
  width: number;
  height: number;
}

/** What a graph's own cards add to the placed React Flow node (type, selectable, parent, …). */
export type CardNode = Omit<Node, 'position' | 'style'> & { style?: CSSProperties };

export interface CardLayout {
  placed: ReadonlyMap<string, Placed>;
  /** Nodes drawn as a frame around the nodes laid out inside them. */
  frames: ReadonlySet<string>;
}

interface LineageCanvasProps<T extends { id: string; kind: string }> {
  nodes: readonly T[];
  edges: readonly LineageEdge[];
  /** At module scope in the caller: a new object on each render would make React Flow remount every node. */
  nodeTypes: NodeTypes;
  sizes: Record<T['kind'], CardSize>;
  /** The card's React Flow node apart from its place; its `style` is merged with the laid-out size. At module scope too. */
  toCard: (node: T, layout: CardLayout) => CardNode;
  /** A node laid out inside another (a step in its pipeline version's frame). */
  parentOf?: (node: T) => string | undefined;
  height: number;
  testId: string;
  onNodeClick?: NodeMouseHandler;
  onPaneClick?: () => void;
}

export function LineageCanvas<T extends { id: string; kind: string }>(props: LineageCanvasProps<T>) {
  return (
    <ReactFlowProvider>
      <LineageFlow {...props} />
    </ReactFlowProvider>
  );
}

function LineageFlow<T extends { id: string; kind: string }>({ nodes, edges, nodeTypes, sizes, toCard, parentOf, height, testId, onNodeClick, onPaneClick }: LineageCanvasProps<T>) {
  const flow = useMemo(() => {
    const frames = new Set(nodes.flatMap((n) => parentOf?.(n) ?? []));
    const placed = layoutLineage(
      nodes.map((n) => ({ id: n.id, parent: parentOf?.(n), ...sizes[n.kind as T['kind']] })),
      edges,
    );
    // Frames before the nodes inside them, as React Flow requires.
    const ordered = [...nodes].sort((a, b) => Number(!frames.has(a.id)) - Number(!frames.has(b.id)));
    const flowNodes: Node[] = ordered.flatMap((n) => {
      const box = placed.get(n.id);
      if (!box) return [];
      const card = toCard(n, { placed, frames });
      return [{ ...card, position: { x: box.x, y: box.y }, style: { width: box.width, height: box.height, ...card.style } }];
    });
    const flowEdges: Edge[] = edges.map((e) => ({ ...e, labelStyle: { fontSize: 10, fill: '#71717a' }, labelBgStyle: { fill: '#fafafa' }, style: { stroke: '#a1a1aa' } }));
    return { flowNodes, flowEdges };
  }, [nodes, edges, sizes, toCard, parentOf]);
  return (
    <div className="overflow-hidden rounded-lg border border-zinc-200 bg-zinc-50" style={{ height }} data-testid={testId}>
      <ReactFlow
        nodes={flow.flowNodes}
        edges={flow.flowEdges}
        nodeTypes={nodeTypes}
        nodesConnectable={false}
        nodesDraggable={false}
        fitView
        fitViewOptions={{ padding: 0.08, maxZoom: 1 }}
        minZoom={0.2}
        onNodeClick={onNodeClick}
        onPaneClick={onPaneClick}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={16} color="#e4e4e7" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
