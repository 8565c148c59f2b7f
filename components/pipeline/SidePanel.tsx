'use client';
// The right-hand panel: the run history with the chosen run's steps, or the inspected node's
// details. It reads the node from the editor store, ignoring moves, so a drag never re-renders it.
import { useCallback, useState } from 'react';
import { useEditor } from '../editor/EditorContext';
import type { EditorState } from '../editor/editor-store';
import { displayName } from '../editor/editor-types';
import { sameExceptPosition, sameLabels } from '../editor/node-equality';
import { typeKey } from './flow-elements';
import { NodeDetails, type NodeTab } from './NodeDetails';
import type { NodeTypeInfo, StepView } from './pipeline-types';
import { RunHistory } from './RunHistory';
import { RunSteps } from './RunSteps';
import type { PipelineRunState } from './use-pipeline-run';

export type PanelTab = 'runs' | 'node';

interface SidePanelProps {
  pipelineId: string;
  types: ReadonlyMap<string, NodeTypeInfo>;
  /** Why nodes cannot be changed here (the role), or null when they can. */
  readOnlyReason: string | null;
  /** Why code params cannot be edited, or null when they can. */
  codeReadOnlyReason: string | null;
  tab: PanelTab;
  onTab: (tab: PanelTab) => void;
  runState: PipelineRunState;
  /** May delete the chosen run. */
  canDelete: boolean;
  steps: ReadonlyMap<string, StepView>;
  inspectedNodeId: string | null;
  focusPort: string | null;
  onSelectNode: (id: string | null) => void;
}

export function SidePanel({ pipelineId, types, readOnlyReason, codeReadOnlyReason, tab, onTab, runState, canDelete, steps, inspectedNodeId, focusPort, onSelectNode }: SidePanelProps) {
  const node = useEditor(
    useCallback((s: EditorState) => (inspectedNodeId ? (s.doc.nodes.find((n) => n.id === inspectedNodeId) ?? null) : null), [inspectedNodeId]),
    sameExceptPosition,
  );
  const nodes = useEditor((s) => s.doc.nodes, sameLabels);
  const labelOf = (id: string) => {
    const n = nodes.find((candidate) => candidate.id === id);
    return n ? displayName(n, types) : id;
  };
  const info = node ? types.get(typeKey(node.type, node.version)) : undefined;
  // Chosen by hand, it holds while other nodes are inspected (someone tuning params stays on Params).
  const [nodeTab, setNodeTab] = useState<NodeTab | null>(null);
  return (
    <aside className="flex w-[380px] shrink-0 flex-col border-l border-zinc-200 bg-white min-[1440px]:w-[440px]" aria-label="Run details">
      <div role="tablist" aria-label="Panel" className="flex shrink-0 gap-1 border-b border-zinc-200 px-3 pt-2">
        <TabButton active={tab === 'runs'} onClick={() => onTab('runs')} id="runs">
          Runs
        </TabButton>
        <TabButton active={tab === 'node'} onClick={() => onTab('node')} id="node">
          {node ? `Node · ${labelOf(node.id)}` : 'Node'}
        </TabButton>
      </div>
      <div role="tabpanel" aria-labelledby={`tab-${tab}`} className="min-h-0 flex-1 overflow-y-auto">
        {tab === 'runs' ? (
          <div className="flex flex-col gap-6 p-4">
            <RunHistory runState={runState} canDelete={canDelete} pipelineId={pipelineId} />
            <RunSteps run={runState.run} loading={runState.runQuery.isPending && runState.runId !== null} labelOf={labelOf} onSelectNode={onSelectNode} onChooseRun={runState.chooseRun} />
          </div>
        ) : node ? (
          <NodeDetails
            key={`${node.id}:${runState.runId ?? ''}`}
            node={node}
            info={info}
            readOnlyReason={readOnlyReason}
            codeReadOnlyReason={codeReadOnlyReason}
            step={steps.get(node.id)}
            runId={runState.run?.id ?? null}
            focusPort={focusPort}
            onChooseRun={(id) => {
              runState.chooseRun(id);
              onTab('runs');
            }}
            onDeleted={() => onSelectNode(null)}
            tab={nodeTab}
            onTab={setNodeTab}
          />
        ) : (
          <p className="p-4 text-sm text-zinc-500">Click a node on the canvas to see its settings, outputs, previews and logs.</p>
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
