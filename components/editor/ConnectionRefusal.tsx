'use client';
// Why a connection cannot be made, next to the cursor: live while a connection is dragged over a
// port that refuses it, and for a few seconds after one is dropped there. A status message, so a
// screen reader hears the reason too.
import { useConnection, useStore, type Handle } from '@xyflow/react';
import { connectionRefusal } from './connection-rules';
import { useEditorStore } from './EditorContext';
import type { ConnectionAttempt, TypeIndex } from './editor-types';

const BUBBLE_WIDTH = 288;

export interface RefusalNotice {
  reason: string;
  /** Pointer position inside the canvas, in pixels. */
  x: number;
  y: number;
}

/** The connection two handles would make, whichever end the drag started from. */
export function attemptBetween(from: Pick<Handle, 'nodeId' | 'id' | 'type'>, to: Pick<Handle, 'nodeId' | 'id' | 'type'>): ConnectionAttempt {
  const [source, target] = from.type === 'source' ? [from, to] : [to, from];
  return { source: source.nodeId, sourceHandle: source.id, target: target.nodeId, targetHandle: target.id };
}

export function ConnectionRefusal({ types, notice }: { types: TypeIndex; notice: RefusalNotice | null }) {
  const store = useEditorStore();
  const live = useConnection((c) =>
    c.inProgress && c.toHandle && c.isValid === false ? { from: c.fromHandle, to: c.toHandle, x: c.pointer.x, y: c.pointer.y } : null,
  );
  const liveReason = live ? connectionRefusal(store.getState().doc, types, attemptBetween(live.from, live.to)) : null;
  const shown = liveReason && live ? { reason: liveReason, x: live.x, y: live.y } : notice;
  const width = useStore((s) => s.width);
  if (!shown) return null;
  // Near the right edge the message goes left of the cursor, so it is never cut off.
  const flip = shown.x > width - BUBBLE_WIDTH - 24;
  return (
    <p
      role="status"
      data-testid="connection-refusal"
      className="pointer-events-none absolute z-10 rounded-md bg-zinc-900 px-2.5 py-1.5 text-xs text-white shadow-lg"
      style={{ maxWidth: BUBBLE_WIDTH, top: shown.y + 14, ...(flip ? { right: width - shown.x + 14 } : { left: shown.x + 14 }) }}
    >
      {shown.reason}
    </p>
  );
}
