'use client';
// The right-hand panel: the run history with the chosen run's steps, or the clicked node's details.
import type { StepNode } from './flow-elements';
import { NodeDetails } from './NodeDetails';
import type { StepView } from './pipeline-types';
import { RunHistory } from './RunHistory';
import { RunSteps } from './RunSteps';
import type { PipelineRunState } from './use-pipeline-run';

export type PanelTab = 'runs' | 'node';

interface SidePanelProps {
  pipelineId: string;
  canWrite: boolean;
  tab: PanelTab;
  onTab: (tab: PanelTab) => void;
  runState: PipelineRunState;
  steps: Map<string, StepView>;
  nodes: StepNode[];
  selectedNodeId: string | null;
  onSelectNode: (id: string | null) => void;
}

export function SidePanel({ pipelineId, canWrite, tab, onTab, runState, steps, nodes, selectedNodeId, onSelectNode }: SidePanelProps) {
  const node = nodes.find((n) => n.id === selectedNodeId) ?? null;
  const labelOf = (id: string) => nodes.find((n) => n.id === id)?.data.label ?? id;
  return (
    <aside className="flex w-[440px] shrink-0 flex-col border-l border-zinc-200 bg-white" aria-label="Run details">
      <div role="tablist" aria-label="Panel" className="flex shrink-0 gap-1 border-b border-zinc-200 px-3 pt-2">
        <TabButton active={tab === 'runs'} onClick={() => onTab('runs')} id="runs">
          Runs
        </TabButton>
        <TabButton active={tab === 'node'} onClick={() => onTab('node')} id="node">
          {node ? `Node · ${node.data.label}` : 'Node'}
        </TabButton>
      </div>
      <div role="tabpanel" aria-labelledby={`tab-${tab}`} className="min-h-0 flex-1 overflow-y-auto">
        {tab === 'runs' ? (
          <div className="flex flex-col gap-6 p-4">
            <RunHistory runState={runState} />
            <RunSteps run={runState.run} loading={runState.runQuery.isPending && runState.runId !== null} labelOf={labelOf} onSelectNode={onSelectNode} onChooseRun={runState.chooseRun} />
          </div>
        ) : node ? (
          <NodeDetails
            key={`${node.id}:${runState.runId ?? ''}`}
            node={node}
            pipelineId={pipelineId}
            canWrite={canWrite}
            step={steps.get(node.id)}
            runId={runState.run?.id ?? null}
            onChooseRun={(id) => {
              runState.chooseRun(id);
              onTab('runs');
            }}
          />
        ) : (
          <p className="p-4 text-sm text-zinc-500">Click a node on the canvas to see its outputs, previews and logs.</p>
        )}
      </div>
    </aside>
  );
}

function TabButton({ active, onClick, id, children }: { active: boolean; onClick: () => void; id: string; children: React.ReactNode }) {
  return (
    <button
      type="button"
      role="tab"
      id={`tab-${id}`}
      aria-selected={active}
      onClick={onClick}
      className={`-mb-px max-w-[260px] truncate border-b-2 px-2.5 pb-2 text-sm font-medium ${active ? 'border-indigo-600 text-zinc-900' : 'border-transparent text-zinc-500 hover:text-zinc-800'}`}
    >
      {children}
    </button>
  );
}
