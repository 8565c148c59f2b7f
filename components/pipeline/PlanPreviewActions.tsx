'use client';
// What a canvas node needs to offer "Run up to here": given by the pipeline view through context,
// so the memoised node cards need no new data. Absent (null) for roles that cannot run.
import { createContext, useContext } from 'react';

export interface RunUpToActions {
  /** Why running is not possible right now (a run is live, the pipeline has errors), or null. */
  blockedReason: string | null;
  pendingNodeId: string | null;
  runUpTo: (nodeId: string) => void;
}

export const RunUpToContext = createContext<RunUpToActions | null>(null);

export function useRunUpTo(): RunUpToActions | null {
  return useContext(RunUpToContext);
}
