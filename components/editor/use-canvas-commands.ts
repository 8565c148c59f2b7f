'use client';
// Canvas commands that need React Flow's view as well as the document: add a node where the person
// is looking (or next to the selected node), tidy the layout with the sizes React Flow measured,
// zoom to fit, and bring a node into view.
import { useReactFlow, type Node } from '@xyflow/react';
import { useCallback, type RefObject } from 'react';
import { useEditorStore } from './EditorContext';
import { DEFAULT_NODE_SIZE, type EditorNodeType, type Size } from './editor-types';
import { besideNode, centredAt, freeSpot } from './place-node';

const FIT = { padding: 0.1, maxZoom: 1.1, duration: 200 };

function measuredSizes(nodes: readonly Node[]): Map<string, Size> {
  const sizes = new Map<string, Size>();
  for (const n of nodes) if (n.measured?.width && n.measured.height) sizes.set(n.id, { width: n.measured.width, height: n.measured.height });
  return sizes;
}

export function useCanvasCommands(canvas: RefObject<HTMLElement | null>, onInspect: (nodeId: string) => void) {
  const store = useEditorStore();
  const { getNodes, screenToFlowPosition, fitView, getInternalNode, setCenter, getZoom } = useReactFlow();

  const fit = useCallback(() => void fitView(FIT), [fitView]);

  const addNode = useCallback(
    (type: EditorNodeType) => {
      const s = store.getState();
      const sizes = measuredSizes(getNodes());
      const anchorId = s.selectedNodeIds.length === 1 ? s.selectedNodeIds[0] : null;
      const anchor = anchorId ? s.doc.nodes.find((n) => n.id === anchorId) : undefined;
      const box = canvas.current?.getBoundingClientRect();
      const wanted = anchor
        ? besideNode(anchor.position, sizes.get(anchor.id))
        : centredAt(box ? screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 }) : { x: 0, y: 0 });
      const at = freeSpot(s.doc, wanted, sizes);
      onInspect(store.addNode(type, at));
      // Next to a node near the edge, the new one can land out of sight: bring it in.
      if (box) {
        const topLeft = screenToFlowPosition({ x: box.left, y: box.top });
        const bottomRight = screenToFlowPosition({ x: box.right, y: box.bottom });
        const { width, height } = DEFAULT_NODE_SIZE;
        const inView = at.x >= topLeft.x && at.y >= topLeft.y && at.x + width <= bottomRight.x && at.y + height <= bottomRight.y;
        if (!inView) void setCenter(at.x + width / 2, at.y + height / 2, { zoom: getZoom(), duration: 200 });
      }
    },
    [store, getNodes, screenToFlowPosition, canvas, onInspect, setCenter, getZoom],
  );

  const layout = useCallback(() => {
    // dagre loads on first use: most visits never lay out.
    void import('./auto-layout').then(({ layoutPositions }) => {
      const { doc } = store.getState();
      if (doc.nodes.length === 0) return;
      store.applyLayout(layoutPositions(doc, measuredSizes(getNodes())));
      // Fit once React Flow has the new positions (it takes them in on the next render).
      requestAnimationFrame(() => requestAnimationFrame(fit));
    });
  }, [store, getNodes, fit]);

  /** Pans (keeping the zoom) so the node is in the middle of the view. */
  const reveal = useCallback(
    (id: string) => {
      const node = getInternalNode(id);
      if (!node) return;
      const { x, y } = node.internals.positionAbsolute;
      void setCenter(x + (node.measured.width ?? 0) / 2, y + (node.measured.height ?? 0) / 2, { zoom: getZoom(), duration: 200 });
    },
    [getInternalNode, setCenter, getZoom],
  );

  return { addNode, layout, fit, reveal };
}
