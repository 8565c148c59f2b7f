import { describe, expect, it } from 'vitest';
import { indexGraph } from './graph';
import { findCycles, topologicalOrder } from './graph-order';
import { graphOf } from './graph-test-helpers';

describe('topologicalOrder', () => {
  it('puts parents first and breaks ties by id, not by array order', () => {
    const arrows = ['z>m', 'a>m', 'm>b', 'm>c'];
    const one = topologicalOrder(indexGraph(graphOf(['c', 'b', 'm', 'z', 'a'], arrows)));
    const two = topologicalOrder(indexGraph(graphOf(['a', 'z', 'm', 'b', 'c'], [...arrows].reverse())));
    expect(one.order).toEqual(['a', 'z', 'm', 'b', 'c']);
    expect(two.order).toEqual(one.order);
  });

  it('prefers the smallest ready id at each step, not a whole layer at a time', () => {
    // b is ready at once; a→c makes c ready only after a. Smallest-ready gives a, b, c.
    expect(topologicalOrder(indexGraph(graphOf(['c', 'b', 'a'], ['a>c']))).order).toEqual(['a', 'b', 'c']);
    expect(topologicalOrder(indexGraph(graphOf(['d', 'b', 'a'], ['b>a']))).order).toEqual(['b', 'a', 'd']);
  });

  it('counts parallel edges between the same two nodes correctly', () => {
    expect(topologicalOrder(indexGraph(graphOf(['a', 'b'], ['a>b', 'a>b']))).order).toEqual(['a', 'b']);
  });

  it('leaves nodes on or after a cycle out of the order', () => {
    const result = topologicalOrder(indexGraph(graphOf(['a', 'b', 'c', 'd'], ['a>b', 'b>c', 'c>b', 'c>d'])));
    expect(result.order).toEqual(['a']);
    expect(result.blocked).toEqual(['b', 'c', 'd']);
  });

  it('handles a 20,000-node chain', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `n${String(i).padStart(5, '0')}`);
    const arrows = ids.slice(1).map((id, i) => `${ids[i]}>${id}`);
    expect(topologicalOrder(indexGraph(graphOf([...ids].reverse(), arrows))).order).toEqual(ids);
  });
});

describe('findCycles', () => {
  it('finds none in a DAG', () => {
    expect(findCycles(indexGraph(graphOf(['a', 'b', 'c'], ['a>b', 'a>c', 'b>c'])))).toEqual([]);
  });

  it('lists the nodes of each cycle in order, starting at the smallest id', () => {
    const index = indexGraph(graphOf(['x', 'c', 'b', 'a', 'q', 'p'], ['x>c', 'c>a', 'a>b', 'b>c', 'q>p', 'p>q']));
    expect(findCycles(index)).toEqual([
      ['a', 'b', 'c'],
      ['p', 'q'],
    ]);
  });

  it('reports a self-loop as a cycle of one', () => {
    expect(findCycles(indexGraph(graphOf(['a', 'b'], ['a>b', 'b>b'])))).toEqual([['b']]);
  });

  it('gives the shortest loop through the smallest id of a tangle', () => {
    // Two loops share a: a→b→a (short) and a→c→d→a (long).
    const index = indexGraph(graphOf(['a', 'b', 'c', 'd'], ['a>c', 'c>d', 'd>a', 'a>b', 'b>a']));
    expect(findCycles(index)).toEqual([['a', 'b']]);
  });

  it('does not overflow the stack on a 20,000-node loop', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `n${String(i).padStart(5, '0')}`);
    const arrows = ids.map((id, i) => `${id}>${ids[(i + 1) % ids.length]}`);
    const cycles = findCycles(indexGraph(graphOf(ids, arrows)));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toEqual(ids);
  });
});
