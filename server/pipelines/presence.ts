// Who has a pipeline open, in this server process: one entry per open editor (a person may have
// two tabs), added when its presence subscription starts and removed when it ends.
import { randomUUID } from 'node:crypto';
import { notifyPipelineChanged } from './pipeline-events';

export interface Viewer {
  userId: string;
  name: string;
  since: number;
}

const key = Symbol.for('pipeworks.presence');
const holder = globalThis as unknown as { [key]?: Map<string, Map<string, Viewer>> };
const open: Map<string, Map<string, Viewer>> = (holder[key] ??= new Map());

/** Registers an open editor; the returned function closes it. Everyone watching is told both times. */
export function joinPipeline(pipelineId: string, viewer: Omit<Viewer, 'since'>): () => void {
  const id = randomUUID();
  const viewers = open.get(pipelineId) ?? new Map<string, Viewer>();
  open.set(pipelineId, viewers);
  viewers.set(id, { ...viewer, since: Date.now() });
  notifyPipelineChanged(pipelineId);
  return () => {
    viewers.delete(id);
    if (viewers.size === 0) open.delete(pipelineId);
    notifyPipelineChanged(pipelineId);
  };
}

/** Each person once (their earliest open editor), in the order they arrived. */
export function viewersOf(pipelineId: string): Viewer[] {
  const byUser = new Map<string, Viewer>();
  for (const v of open.get(pipelineId)?.values() ?? []) if (!byUser.has(v.userId)) byUser.set(v.userId, v);
  return [...byUser.values()].sort((a, b) => a.since - b.since);
}
