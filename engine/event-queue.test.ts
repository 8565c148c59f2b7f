import { describe, expect, it } from 'vitest';
import { createEventQueue } from './event-queue';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('createEventQueue', () => {
  it('delivers in emission order, one at a time, even when deliveries are slow', async () => {
    const log: string[] = [];
    let inFlight = 0;
    const queue = createEventQueue<number>(async (n) => {
      inFlight++;
      expect(inFlight).toBe(1);
      log.push(`start ${n}`);
      await tick(n === 1 ? 20 : 1);
      log.push(`end ${n}`);
      inFlight--;
    });
    const done = [queue.emit(1), queue.emit(2), queue.emit(3)];
    await Promise.all(done);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('resolves an emit only after that event was delivered', async () => {
    const delivered: number[] = [];
    const queue = createEventQueue<number>(async (n) => {
      await tick(5);
      delivered.push(n);
    });
    await queue.emit(7);
    expect(delivered).toEqual([7]);
  });

  it('stops delivering after a failure, reports it once, and never rejects', async () => {
    const delivered: number[] = [];
    const failures: unknown[] = [];
    const queue = createEventQueue<number>(
      (n) => {
        if (n === 2) throw new Error('disk full');
        delivered.push(n);
      },
      (e) => failures.push(e),
    );
    await Promise.all([queue.emit(1), queue.emit(2), queue.emit(3)]);
    await queue.drain();
    expect(delivered).toEqual([1]);
    expect(failures).toHaveLength(1);
    expect((queue.failure()?.error as Error).message).toBe('disk full');
  });
});
