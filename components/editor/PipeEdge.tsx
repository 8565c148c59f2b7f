'use client';
// A connection on the canvas, coloured by the kind of data it carries. Once selected, someone who
// can edit gets a button on it to remove it (Delete does the same from the keyboard).
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { PipeEdge as PipeEdgeType } from '../pipeline/flow-elements';
import { useCanvasActions } from './canvas-actions';

function PipeEdgeImpl({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, data }: EdgeProps<PipeEdgeType>) {
  const { editable, disconnect } = useCanvasActions();
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const color = data?.color ?? '#a1a1aa';
  return (
    <>
      <BaseEdge id={id} path={path} interactionWidth={16} style={{ stroke: color, strokeWidth: selected ? 3 : 1.75 }} />
      {selected && editable ? (
        <EdgeLabelRenderer>
          <button
            type="button"
            aria-label="Remove this connection"
            title="Remove this connection (Delete)"
            data-testid={`disconnect-${id}`}
            onClick={() => disconnect(id)}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            className="nodrag nopan pointer-events-auto absolute flex size-6 items-center justify-center rounded-full border border-zinc-300 bg-white text-xs text-zinc-600 shadow-sm hover:border-red-300 hover:text-red-600 focus-visible:outline-2 focus-visible:outline-indigo-500"
          >
            ✕
          </button>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

export const PipeEdge = memo(PipeEdgeImpl);
