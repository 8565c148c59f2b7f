'use client';
// The retrain chain around one model version on the lineage canvas (React Flow, read only, laid
// out left to right like the data lineage): what fired its run, the data the run read, the run,
// the version, its comparison with the champion, the approval asked for, and the deployments.
import type { NodeTypes } from '@xyflow/react';
import { LineageCanvas, type CardNode, type CardSize, type LineageEdge } from './LineageCanvas';
import { AlertCard, ApprovalCard, ChallengeCard, DatasetCard, DeploymentCard, FireCard, RunCard, TriggerCard, VersionCard, type RetrainNodeData } from './RetrainNodes';

// Module scope: a new object on each render would make React Flow remount every node.
const nodeTypes: NodeTypes = { alert: AlertCard, trigger: TriggerCard, fire: FireCard, dataset: DatasetCard, run: RunCard, model: VersionCard, challenge: ChallengeCard, approval: ApprovalCard, deployment: DeploymentCard } as NodeTypes;

const SIZES: Record<RetrainNodeData['kind'], CardSize> = {
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

// React Flow turns pointer events off on a node that is neither selectable nor draggable; the
// cards' links must stay clickable.
const toCard = (n: RetrainNodeData): CardNode => ({ id: n.id, type: n.kind, data: n, style: { pointerEvents: 'all' }, draggable: false, selectable: false });

export interface RetrainChainGraphProps {
  nodes: RetrainNodeData[];
  edges: LineageEdge[];
  height?: number;
}

export function RetrainChainGraph({ nodes, edges, height = 340 }: RetrainChainGraphProps) {
  return <LineageCanvas nodes={nodes} edges={edges} nodeTypes={nodeTypes} sizes={SIZES} toCard={toCard} height={height} testId="retrain-chain" />;
}
