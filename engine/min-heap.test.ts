import { describe, expect, it } from 'vitest';
import { StringMinHeap } from './min-heap';

describe('StringMinHeap', () => {
  it('pops in code-unit order whatever the push order', () => {
    const input = ['m', 'b', 'Z', 'a10', 'a2', 'z', 'b', '_', 'A'];
    const heap = new StringMinHeap();
    input.forEach((s) => heap.push(s));
    const out: string[] = [];
    while (heap.size > 0) out.push(heap.pop()!);
    expect(out).toEqual([...input].sort());
  });

  it('returns undefined when empty', () => {
    expect(new StringMinHeap().pop()).toBeUndefined();
  });

  it('stays ordered under interleaved pushes and pops', () => {
    const heap = new StringMinHeap();
    ['d', 'b', 'c'].forEach((s) => heap.push(s));
    expect(heap.pop()).toBe('b');
    heap.push('a');
    heap.push('e');
    expect([heap.pop(), heap.pop(), heap.pop(), heap.pop(), heap.pop()]).toEqual(['a', 'c', 'd', 'e', undefined]);
  });
});
