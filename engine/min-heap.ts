// A binary min-heap of strings in code-unit order: the "ready" queue that makes topological
// order depend on ids alone, in O(n log n) even for the 10,000-node documents the schema allows.
import { compareCodeUnits } from './canonical-json';

export class StringMinHeap {
  private readonly items: string[] = [];

  get size(): number {
    return this.items.length;
  }

  push(item: string): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compareCodeUnits(items[parent], items[i]) <= 0) break;
      [items[parent], items[i]] = [items[i], items[parent]];
      i = parent;
    }
  }

  pop(): string | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && compareCodeUnits(items[left], items[smallest]) < 0) smallest = left;
      if (right < items.length && compareCodeUnits(items[right], items[smallest]) < 0) smallest = right;
      if (smallest === i) return top;
      [items[smallest], items[i]] = [items[i], items[smallest]];
      i = smallest;
    }
  }
}
