'use client';
// What canvas nodes and edges can ask of the editor (finish a rename, remove a connection, preview an output). Given
// through context, because node and edge data stay plain serialisable values with no callbacks.
import { createContext, useContext } from 'react';

export interface CanvasActions {
  /** Whether the pipeline can be changed here (the role can edit, and it is not an old version). */
  editable: boolean;
  commitRename: (nodeId: string, label: string) => void;
  cancelRename: () => void;
  disconnect: (edgeId: string) => void;
  /** A click on an output port: show that output's artifact in the inspector. */
  inspectPort: (nodeId: string, port: string) => void;
}

const READ_ONLY: CanvasActions = { editable: false, commitRename: () => {}, cancelRename: () => {}, disconnect: () => {}, inspectPort: () => {} };

export const CanvasActionsContext = createContext<CanvasActions>(READ_ONLY);

export function useCanvasActions(): CanvasActions {
  return useContext(CanvasActionsContext);
}
