'use client';
// One pipeline step on the canvas: title, typed ports, compile issues and live run state.
// Every row has a fixed height so a run updating never moves anything. Zoomed far out, where the
// small print cannot be read anyway, a node leaves it out (same size, same ports): a 300-node
// pipeline then opens and pans with far less to lay out and paint.
import { Handle, Position, useStore, type NodeProps, type ReactFlowState } from '@xyflow/react';
import { memo, useEffect, useRef, useState, type MouseEvent } from 'react';
import { useCanvasActions } from '../editor/canvas-actions';
import { StatusBadge } from '../ui/StatusBadge';
import type { StepNode } from './flow-elements';
import { NodeIssueBadge } from './NodeIssueBadge';
import { NodeStepLine } from './NodeStepLine';
import { useRunUpTo } from './PlanPreviewActions';
import { categoryClass, portColor } from './port-kinds';

const HANDLE_STYLE = { width: 10, height: 10, border: '2px solid white' };
/** Below this zoom the type title, port names and run-up-to button are left out. */
const FAR_ZOOM = 0.45;
// Also while the canvas opens (before its first fit, when nodes are hidden until measured): a big
// pipeline would otherwise draw every node in full at zoom 1, only to redraw it once it is fitted.
const isClickConnecting = (s: ReactFlowState) => s.connectionClickStartHandle !== null;
const isFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM || (s.fitViewQueued && !s.nodesInitialized);

function PipelineNodeImpl({ id, data, selected, isConnectable }: NodeProps<StepNode>) {
  const rows = Math.max(data.inputs.length, data.outputs.length);
  const failed = data.step?.status === 'failed';
  const far = useStore(isFar);
  return (
    <div
      data-testid={`node-${id}`}
      className={`w-60 rounded-lg border bg-white shadow-sm transition-shadow ${
        selected ? 'border-indigo-500 ring-2 ring-indigo-500/25' : failed ? 'border-red-300' : 'border-zinc-200 hover:shadow'
      }`}
    >
      <div className="flex items-center gap-2 px-3 pt-2.5">
        <span className={`rounded px-1.5 py-0.5 text-[10px] font-medium tracking-wide uppercase ${categoryClass(data.category)}`}>{data.category || 'node'}</span>
        <NodeIssueBadge issues={data.issues} />
        <span className="ml-auto flex h-5 min-w-[76px] justify-end">
          {data.step ? <StatusBadge status={data.step.statusWord} data-testid={`node-status-${id}`} /> : null}
        </span>
        {far ? <span className="size-6 shrink-0" /> : <RunUpToButton nodeId={id} />}
      </div>
      <div className="px-3 pt-1.5 pb-2">
        {data.renaming ? (
          <LabelEditor nodeId={id} initial={data.label} />
        ) : (
          <div className="h-5 truncate text-sm font-semibold text-zinc-900" title={data.label} data-testid={`node-label-${id}`}>
            {data.label}
          </div>
        )}
        {far ? (
          <div className="h-4" />
        ) : (
          <div className={`h-4 truncate text-xs ${data.known ? 'text-zinc-500' : 'text-red-600'}`} title={data.title}>
            {data.title}
          </div>
        )}
      </div>
      {rows > 0 ? (
        <div className="border-t border-zinc-100 py-1">
          {Array.from({ length: rows }, (_, i) => (
            <div key={i} className="grid h-6 grid-cols-2 text-[11px] text-zinc-600">
              <PortCell nodeId={id} port={data.inputs[i]} side="in" connectable={isConnectable} far={far} />
              <PortCell nodeId={id} port={data.outputs[i]} side="out" connectable={isConnectable} far={far} />
            </div>
          ))}
        </div>
      ) : null}
      <NodeStepLine step={data.step} />
    </div>
  );
}

/** Runs this node and what it needs; shown only to roles that can run. */
function RunUpToButton({ nodeId }: { nodeId: string }) {
  const actions = useRunUpTo();
  if (!actions) return null;
  const pending = actions.pendingNodeId === nodeId;
  const label = actions.blockedReason ? `Run up to here (${actions.blockedReason.toLowerCase()})` : 'Run up to here';
  return (
    <button
      type="button"
      data-testid={`run-up-to-${nodeId}`}
      aria-label="Run up to here"
      title={label}
      disabled={actions.blockedReason !== null}
      onClick={(e) => {
        e.stopPropagation();
        actions.runUpTo(nodeId);
      }}
      className="nodrag nopan -mr-1 inline-flex size-6 shrink-0 items-center justify-center rounded text-zinc-400 transition-colors hover:bg-indigo-50 hover:text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:text-zinc-200 disabled:hover:bg-transparent"
    >
      {pending ? (
        <span aria-hidden className="size-3 animate-spin rounded-full border-2 border-indigo-300 border-t-indigo-600" />
      ) : (
        <svg viewBox="0 0 16 16" aria-hidden className="size-3.5 fill-current">
          <path d="M3 2.8v10.4a.6.6 0 0 0 .9.5l7.3-5.2a.6.6 0 0 0 0-1L3.9 2.3a.6.6 0 0 0-.9.5Z" />
          <rect x="12" y="2.5" width="1.8" height="11" rx=".6" />
        </svg>
      )}
    </button>
  );
}

/** The label typed in place (F2 or double-click); Enter or leaving the field keeps it, Escape drops it. */
function LabelEditor({ nodeId, initial }: { nodeId: string; initial: string }) {
  const { commitRename, cancelRename } = useCanvasActions();
  const [value, setValue] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const finish = (keep: boolean) => {
    if (done.current) return;
    done.current = true;
    // Back to the node itself, so the keyboard carries on from where it was.
    (input.current?.closest('.react-flow__node') as HTMLElement | null)?.focus();
    if (keep) commitRename(nodeId, value.trim());
    else cancelRename();
  };
  return (
    <input
      ref={input}
      aria-label="Node label"
      data-testid={`node-label-input-${nodeId}`}
      value={value}
      maxLength={200}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(true);
        if (e.key === 'Escape') finish(false);
      }}
      onBlur={() => finish(true)}
      className="nodrag nopan nowheel -mx-1 block h-5 w-[calc(100%+0.5rem)] rounded border border-indigo-400 px-1 text-sm font-semibold text-zinc-900 outline-none focus:ring-2 focus:ring-indigo-500/25"
    />
  );
}

interface PortCellProps {
  nodeId: string;
  port: StepNode['data']['inputs'][number] | undefined;
  side: 'in' | 'out';
  connectable: boolean;
  far: boolean;
}

function PortCell({ nodeId, port, side, connectable, far }: PortCellProps) {
  const { inspectPort } = useCanvasActions();
  const clickConnecting = useStore(isClickConnecting);
  if (!port) return <div />;
  const isIn = side === 'in';
  return (
    <div className={`relative flex items-center ${isIn ? 'justify-start pl-3' : 'justify-end pr-3'}`} title={far ? undefined : `${port.name} · ${port.kind}`}>
      <Handle
        type={isIn ? 'target' : 'source'}
        position={isIn ? Position.Left : Position.Right}
        id={port.name}
        isConnectable={connectable && port.kind !== 'unknown'}
        style={{ ...HANDLE_STYLE, background: portColor(port.kind) }}
        data-testid={`port-${nodeId}-${side}-${port.name}`}
        // A click (no drag) on an output previews what it holds; dragging from it still connects,
        // and so does finishing a click-to-connect started on an input (React Flow's own onClick).
        {...(isIn || clickConnecting
          ? {}
          : {
              onClick: (e: MouseEvent) => {
                e.stopPropagation();
                inspectPort(nodeId, port.name);
              },
            })}
      />
      {far ? null : (
        <>
          <span className="truncate">{port.label ?? port.name}</span>
          {port.optional ? <span className="ml-1 text-zinc-400">opt</span> : null}
        </>
      )}
    </div>
  );
}

export const PipelineNode = memo(PipelineNodeImpl);
