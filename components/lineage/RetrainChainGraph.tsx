'use client';
// The retrain chain around one model version on the lineage canvas (React Flow, read only, laid
// out left to right like the data lineage): what fired its run, the data the run read, the run,
// the version, its comparison with the champion, the approval asked for, and the deployments.
import { Background, Controls, ReactFlow, ReactFlowProvider, type Edge, type Node, type NodeTypes } from '@xyflow/react';
import { useMemo } from 'react';
import { layoutLineage } from './lineage-layout';
import { AlertCard, ApprovalCard, ChallengeCard, DatasetCard, DeploymentCard, FireCard, RunCard, TriggerCard, VersionCard, type RetrainNodeData } from './RetrainNodes';

// Module scope: a new object on each render would make React Flow remount every node.
const nodeTypes: NodeTypes = { alert: AlertCard, trigger: TriggerCard, fire: FireCard, dataset: DatasetCard, run: RunCard, model: VersionCard, challenge: ChallengeCard, approval: ApprovalCard, deployment: DeploymentCard } as NodeTypes;

const SIZES: Record<RetrainNodeData['kind'], { width: number; height: number }> = {
  alert: { width: 220, height: 78 },
  trigger: { width: 180, height: 62 },
  fire: { width: 190, height: 70 },
  dataset: { width: 180, height: 62 },
  run: { width: 180, height: 70 },
  model: { width: 190, height: 60 },
  challenge: { width: 250, height: 92 },
  approval: { width: 200, height: 70 },
  deployment: { width: 180, height: 70 },
};

export interface RetrainChainGraphProps {
  nodes: RetrainNodeData[];
  edges: { id: string; source: string; target: string; label?: string }[];
  height?: number;
}

export function RetrainChainGraph(props: RetrainChainGraphProps) {
  return (
    <ReactFlowProvider>
      <ChainFlow {...props} />
    </ReactFlowProvider>
  );
}

function ChainFlow({ nodes, edges, height = 340 }: RetrainChainGraphProps) {
  const flow = useMemo(() => {
    const placed = layoutLineage(
      nodes.map((n) => ({ id: n.id, ...SIZES[n.kind] })),
      edges,
    );
    const flowNodes: Node[] = nodes.flatMap((n) => {
      const box = placed.get(n.id);
      // React Flow turns pointer events off on a node that is neither selectable nor draggable; the
      // cards' links must stay clickable.
      return box ? [{ id: n.id, type: n.kind, data: n, position: { x: box.x, y: box.y }, style: { width: box.width, height: box.height, pointerEvents: 'all' as const }, draggable: false, selectable: false }] : [];
    });
    const flowEdges: Edge[] = edges.map((e) => ({ ...e, labelStyle: { fontSize: 10, fill: '#71717a' }, labelBgStyle: { fill: '#fafafa' }, style: { stroke: '#a1a1aa' } }));
    return { flowNodes, flowEdges };
  }, [nodes, edges]);
  return (
    <div className="overflow-hidden rounded-lg border border-zinc-200 bg-zinc-50" style={{ height }} data-testid="retrain-chain">
      <ReactFlow
        nodes={flow.flowNodes}
        edges={flow.flowEdges}
        nodeTypes={nodeTypes}
        nodesConnectable={false}
        nodesDraggable={false}
        fitView
        fitViewOptions={{ padding: 0.08, maxZoom: 1 }}
        minZoom={0.2}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={16} color="#e4e4e7" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
