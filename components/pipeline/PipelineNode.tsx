'use client';
// One pipeline step on the canvas: title, typed ports, compile issues and live run state.
// Every row has a fixed height so a run updating never moves anything.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { StatusBadge } from '../ui/StatusBadge';
import type { StepNode } from './flow-elements';
import { NodeIssueBadge } from './NodeIssueBadge';
import { NodeStepLine } from './NodeStepLine';
import { categoryClass, portColor } from './port-kinds';

const HANDLE_STYLE = { width: 10, height: 10, border: '2px solid white' };

function PipelineNodeImpl({ id, data, selected }: NodeProps<StepNode>) {
  const rows = Math.max(data.inputs.length, data.outputs.length);
  const failed = data.step?.status === 'failed';
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
          {data.step ? <StatusBadge status={data.step.status} data-testid={`node-status-${id}`} /> : null}
        </span>
      </div>
      <div className="px-3 pt-1.5 pb-2">
        <div className="truncate text-sm font-semibold text-zinc-900" title={data.label}>
          {data.label}
        </div>
        <div className={`truncate text-xs ${data.known ? 'text-zinc-500' : 'text-red-600'}`} title={data.title}>
          {data.title}
        </div>
      </div>
      {rows > 0 ? (
        <div className="border-t border-zinc-100 py-1">
          {Array.from({ length: rows }, (_, i) => (
            <div key={i} className="grid h-6 grid-cols-2 text-[11px] text-zinc-600">
              <PortCell port={data.inputs[i]} side="in" />
              <PortCell port={data.outputs[i]} side="out" />
            </div>
          ))}
        </div>
      ) : null}
      <NodeStepLine step={data.step} />
    </div>
  );
}

function PortCell({ port, side }: { port: StepNode['data']['inputs'][number] | undefined; side: 'in' | 'out' }) {
  if (!port) return <div />;
  const isIn = side === 'in';
  return (
    <div className={`relative flex items-center ${isIn ? 'justify-start pl-3' : 'justify-end pr-3'}`} title={`${port.name} · ${port.kind}`}>
      <Handle
        type={isIn ? 'target' : 'source'}
        position={isIn ? Position.Left : Position.Right}
        id={port.name}
        isConnectable={false}
        style={{ ...HANDLE_STYLE, background: portColor(port.kind) }}
      />
      <span className="truncate">{port.label ?? port.name}</span>
      {port.optional ? <span className="ml-1 text-zinc-400">opt</span> : null}
    </div>
  );
}

export const PipelineNode = memo(PipelineNodeImpl);
