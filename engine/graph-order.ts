// Run order and cycles. Order depends on ids alone, never on canvas position or array order,
// so the same graph always gives the same plan.
import { compareCodeUnits } from './canonical-json';
import type { GraphIndex } from './graph';
import { StringMinHeap } from './min-heap';

export interface TopologicalOrder {
  /** Every node that can run, parents first, ties broken by the smaller id. */
  order: string[];
  /** Nodes on a cycle or downstream of one, sorted by id. */
  blocked: string[];
}

export function topologicalOrder(index: GraphIndex): TopologicalOrder {
  const waiting = new Map<string, number>();
  const ready = new StringMinHeap();
  for (const [id, edges] of index.incoming) {
    waiting.set(id, edges.length);
    if (edges.length === 0) ready.push(id);
  }
  const order: string[] = [];
  while (ready.size > 0) {
    const id = ready.pop()!;
    order.push(id);
    for (const edge of index.outgoing.get(id)!) {
      const left = waiting.get(edge.target)! - 1;
      waiting.set(edge.target, left);
      if (left === 0) ready.push(edge.target);
    }
  }
  const blocked = [...waiting].filter(([, left]) => left > 0).map(([id]) => id);
  return { order, blocked: blocked.sort(compareCodeUnits) };
}

/**
 * One cycle per strongly connected tangle, each as the shortest loop through its smallest id,
 * starting there. Listing every elementary cycle can be exponential; one loop per tangle is
 * enough to show the user where to cut.
 */
export function findCycles(index: GraphIndex): string[][] {
  const sorted = new Map<string, string[]>();
  for (const [id, edges] of index.outgoing) {
    sorted.set(id, [...new Set(edges.map((e) => e.target))].sort(compareCodeUnits));
  }
  const successors = (id: string) => sorted.get(id)!;
  const ids = [...index.nodes.keys()].sort(compareCodeUnits);
  const cycles: string[][] = [];
  for (const component of stronglyConnected(ids, successors)) {
    const start = component.sort(compareCodeUnits)[0];
    const members = new Set(component);
    if (component.length === 1 && !successors(start).includes(start)) continue;
    cycles.push(shortestLoop(start, (id) => successors(id).filter((s) => members.has(s))));
  }
  return cycles.sort((a, b) => compareCodeUnits(a[0], b[0]));
}

function shortestLoop(start: string, next: (id: string) => string[]): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head];
    for (const child of next(id)) {
      if (child === start) return pathTo(id, cameFrom, start);
      if (cameFrom.has(child)) continue;
      cameFrom.set(child, id);
      queue.push(child);
    }
  }
  return [start]; // Unreachable for a real component; kept so the type stays total.
}

function pathTo(last: string, cameFrom: Map<string, string>, start: string): string[] {
  const path = [last];
  while (path[path.length - 1] !== start) path.push(cameFrom.get(path[path.length - 1])!);
  return path.reverse();
}

/** Tarjan's algorithm without recursion, so a 10,000-node chain cannot overflow the stack. */
function stronglyConnected(ids: string[], successors: (id: string) => string[]): string[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  for (const root of ids) {
    if (order.has(root)) continue;
    const frames: Array<{ id: string; children: string[]; next: number }> = [];
    const enter = (id: string) => {
      order.set(id, order.size);
      low.set(id, order.get(id)!);
      stack.push(id);
      onStack.add(id);
      frames.push({ id, children: successors(id), next: 0 });
    };
    enter(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      if (frame.next < frame.children.length) {
        const child = frame.children[frame.next++];
        if (!order.has(child)) enter(child);
        else if (onStack.has(child)) low.set(frame.id, Math.min(low.get(frame.id)!, order.get(child)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== order.get(frame.id)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.id);
      components.push(component);
    }
  }
  return components;
}
