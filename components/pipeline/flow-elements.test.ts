import { describe, expect, it } from 'vitest';
import type { EdgeInstance } from '../editor/editor-types';
import { buildEdge } from './flow-elements';
import type { StepView } from './pipeline-types';

const edge: EdgeInstance = { id: 'e1', source: 'a', sourceHandle: 'table', target: 'b', targetHandle: 'table' };

function inputs(status: string, runner: string | null) {
  const step = { stepId: 'b', status, runner } as StepView;
  return { nodes: new Map(), types: new Map(), steps: new Map([['b', step]]), selected: new Set<string>() };
}

describe('buildEdge', () => {
  it('animates an edge into a step that runs, on the server or on a queue worker that took it', () => {
    expect(buildEdge(edge, inputs('running', 'server:worker-thread')).animated).toBe(true);
    expect(buildEdge(edge, inputs('running', 'queue:host:1:abc')).data?.running).toBe(true);
  });

  it('keeps an edge into a step waiting in the queue still, as it does for one not started', () => {
    expect(buildEdge(edge, inputs('running', 'server:queue')).animated).toBe(false);
    expect(buildEdge(edge, inputs('running', 'server:queue')).data?.running).toBe(false);
    expect(buildEdge(edge, inputs('queued', null)).animated).toBe(false);
  });
});
