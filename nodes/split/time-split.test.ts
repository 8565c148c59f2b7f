import { describe, expect, it } from 'vitest';
import { cutAtTieEdge, timeSplit } from './time-split';

describe('timeSplit', () => {
  it('gives the oldest rows to train and the newest to test, each side in row order', () => {
    const times = [50, 10, 40, 20, 30, 90, 70, 60, 80, 100];
    const split = timeSplit(times, { train: 0.6, validation: 0.2, test: 0.2 });
    expect(Array.from(split.train)).toEqual([0, 1, 2, 3, 4, 7]); // times 10..60
    expect(Array.from(split.validation)).toEqual([6, 8]); // 70, 80
    expect(Array.from(split.test)).toEqual([5, 9]); // 90, 100
  });

  it('keeps rows with the same time on one side', () => {
    // Sorted: 1 1 2 2 2 2 3 3; a 50/50 cut after 4 rows would split the 2s, so all four stay in train.
    const times = [2, 1, 3, 2, 2, 1, 3, 2];
    const split = timeSplit(times, { train: 0.5, validation: 0, test: 0.5 });
    const trainTimes = new Set(Array.from(split.train, (r) => times[r]));
    const testTimes = new Set(Array.from(split.test, (r) => times[r]));
    expect([...trainTimes].filter((t) => testTimes.has(t))).toEqual([]);
    expect([split.train.length, split.test.length]).toEqual([6, 2]);
  });

  it('is the same every time (no randomness)', () => {
    const times = Array.from({ length: 100 }, (_, i) => (i * 37) % 11);
    expect(timeSplit(times, { train: 0.7, validation: 0.1, test: 0.2 })).toEqual(
      timeSplit(times, { train: 0.7, validation: 0.1, test: 0.2 }),
    );
  });
});

describe('cutAtTieEdge', () => {
  const order = [0, 1, 2, 3, 4, 5];
  it('moves a cut inside a run of equal times to its nearest edge, the older side on a tie', () => {
    expect(cutAtTieEdge(order, [1, 2, 2, 2, 2, 3], 2)).toBe(1); // 1 back vs 3 forward
    expect(cutAtTieEdge(order, [1, 2, 2, 2, 2, 3], 4)).toBe(5); // 3 back vs 1 forward
    expect(cutAtTieEdge(order, [1, 2, 2, 2, 2, 3], 3)).toBe(5); // 2 and 2: the run stays on the older side
    expect(cutAtTieEdge(order, [1, 2, 3, 4, 5, 6], 3)).toBe(3);
    expect(cutAtTieEdge(order, [7, 7, 7, 7, 7, 7], 3)).toBe(6);
  });
});
