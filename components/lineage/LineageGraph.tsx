'use client';
// A lineage graph on the same canvas component as pipelines (React Flow), read only and laid out
// left to right. Clicking a step shows everything that identifies it: params, code hash, cache key
// and the artifacts it wrote.
import type { NodeTypes } from '@xyflow/react';
import { useState } from 'react';
import { formatBytes, shortId } from '../ui/format';
import { LineageCanvas, type CardLayout, type CardNode, type CardSize, type LineageEdge } from './LineageCanvas';
import { DatasetNode, ModelNode, PipelineCard, PipelineGroup, RunNode, SampleNode, StepNode, type LineageNodeData } from './LineageNodes';
import { runnerPhrase } from '../runs/runner-words';
import { TrustBadge } from '../runs/TrustBadge';

// Module scope: a new object on each render would make React Flow remount every node.
const nodeTypes: NodeTypes = { dataset: DatasetNode, sample: SampleNode, step: StepNode, pipeline: PipelineGroup, pipelineCard: PipelineCard, run: RunNode, model: ModelNode } as NodeTypes;

const SIZES: Record<LineageNodeData['kind'], CardSize> = {
  dataset: { width: 230, height: 84 },
  sample: { width: 200, height: 60 },
  step: { width: 220, height: 76 },
  /** As a card; as the frame around its steps, dagre sizes it. */
  pipeline: { width: 210, height: 66 },
  run: { width: 170, height: 66 },
  model: { width: 200, height: 70 },
};

const parentOf = (n: LineageNodeData) => (n.kind === 'step' ? n.parent : undefined);

function toCard(n: LineageNodeData, { placed, frames }: CardLayout): CardNode {
  const parent = parentOf(n);
  return {
    id: n.id,
    type: n.kind === 'pipeline' && !frames.has(n.id) ? 'pipelineCard' : n.kind,
    data: n,
    ...(parent && placed.has(parent) ? { parentId: parent, extent: 'parent' as const } : {}),
    draggable: false,
    selectable: n.kind === 'step',
    zIndex: frames.has(n.id) ? -1 : 0,
  };
}

interface LineageGraphProps {
  nodes: LineageNodeData[];
  edges: LineageEdge[];
  height?: number;
}

export function LineageGraph({ nodes, edges, height = 420 }: LineageGraphProps) {
  const [selected, setSelected] = useState<string | null>(null);
  const step = nodes.find((n): n is Extract<LineageNodeData, { kind: 'step' }> => n.id === selected && n.kind === 'step');
  return (
    <div className="flex flex-col gap-3">
      <LineageCanvas
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        sizes={SIZES}
        toCard={toCard}
        parentOf={parentOf}
        height={height}
        testId="lineage-graph"
        onNodeClick={(_, node) => setSelected(node.type === 'step' ? node.id : null)}
        onPaneClick={() => setSelected(null)}
      />
      {step ? (
        <StepDetail step={step} />
      ) : nodes.some((n) => n.kind === 'step') ? (
        <p className="text-xs text-zinc-500">Click a step to see its params, code hash, cache key and outputs.</p>
      ) : null}
    </div>
  );
}

function StepDetail({ step }: { step: Extract<LineageNodeData, { kind: 'step' }> }) {
  return (
    <section className="rounded-lg border border-zinc-200 bg-white p-3 text-xs" data-testid="lineage-step-detail">
      <h3 className="text-sm font-semibold text-zinc-900">
        {step.label ?? step.stepId} <span className="font-mono text-xs font-normal text-zinc-500">{step.type}@{step.nodeVersion}</span>
      </h3>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {step.runner ? (
          <>
            <dt className="text-zinc-500">Ran on</dt>
            <dd className="text-zinc-800" data-testid="lineage-step-runner">
              {runnerPhrase(step.runner, step.backend, step.placement)}
            </dd>
          </>
        ) : null}
        {step.ranByName ? (
          <>
            <dt className="text-zinc-500">Computed by</dt>
            <dd className="text-zinc-800">{step.ranByName}</dd>
          </>
        ) : null}
        {step.trust ? (
          <>
            <dt className="text-zinc-500">Trust</dt>
            <dd>
              <TrustBadge trust={step.trust} />
            </dd>
          </>
        ) : null}
        <dt className="text-zinc-500">Code</dt>
        <dd className="font-mono break-all text-zinc-800">{step.implementationHash ?? step.codeHash}</dd>
        <dt className="text-zinc-500">Pipeworks</dt>
        <dd className="text-zinc-800">{step.pipeworksVersion ?? 'not recorded'}</dd>
        {step.upgradesCacheCompatible ? (
          <>
            <dt className="text-zinc-500">Cache</dt>
            <dd className="text-amber-800">upgrades treated as cache-compatible: the key left the code out</dd>
          </>
        ) : null}
        <dt className="text-zinc-500">Cache key</dt>
        <dd className="font-mono break-all text-zinc-800">{step.cacheKey ?? 'none (not cacheable)'}</dd>
        {step.cachedFromRunId ? (
          <>
            <dt className="text-zinc-500">Cached from</dt>
            <dd className="font-mono">run {shortId(step.cachedFromRunId)}</dd>
          </>
        ) : null}
        {Object.entries(step.params).map(([key, value]) => (
          <div key={key} className="contents">
            <dt className="text-zinc-500">{key}</dt>
            <dd className="font-mono break-all text-zinc-800" data-testid={`lineage-param-${key}`}>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
          </div>
        ))}
        {step.outputs.map((o) => (
          <div key={o.name} className="contents">
            <dt className="text-zinc-500">→ {o.name}</dt>
            <dd>
              <a href={`/api/artifacts/${o.id}`} className="font-mono text-indigo-700 hover:underline" download>
                {shortId(o.id, 12)}
              </a>{' '}
              <span className="text-zinc-500">{o.kind} · {formatBytes(o.size)}</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
