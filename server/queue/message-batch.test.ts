import { afterEach, describe, expect, it, vi } from 'vitest';
import { StepMessageBatch } from './message-batch';
import type { StepJobMessage } from './step-job';

const line = (message: string): StepJobMessage => ({ type: 'log', level: 'info', message });

describe('a step\'s message batch', () => {
  afterEach(() => vi.useRealTimers());

  it('sends the lines of one window in one batch, and a later line opens the next window', async () => {
    vi.useFakeTimers();
    const sent: StepJobMessage[][] = [];
    const batch = new StepMessageBatch(async (messages) => sent.push(messages), 100);
    batch.add(line('a'));
    batch.add(line('b'));
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(sent).toEqual([[line('a'), line('b')]]);
    batch.add(line('c'));
    await vi.advanceTimersByTimeAsync(100);
    expect(sent).toEqual([[line('a'), line('b')], [line('c')]]);
  });

  it('hands a short step\'s lines to its result unsent, and sends a line after that on its own', async () => {
    vi.useFakeTimers();
    const sent: StepJobMessage[][] = [];
    const batch = new StepMessageBatch(async (messages) => sent.push(messages), 100);
    batch.add(line('a'));
    expect(batch.take()).toEqual([line('a')]);
    await vi.advanceTimersByTimeAsync(500);
    expect(sent).toEqual([]);
    batch.add(line('late'));
    expect(sent).toEqual([[line('late')]]);
  });

  it('sends what gathered at once on flush (an attempt that throws), and nothing twice', async () => {
    vi.useFakeTimers();
    const sent: StepJobMessage[][] = [];
    const batch = new StepMessageBatch(async (messages) => sent.push(messages), 100);
    batch.add(line('a'));
    await batch.flush();
    await vi.advanceTimersByTimeAsync(500);
    expect(sent).toEqual([[line('a')]]);
    expect(batch.take()).toEqual([]);
  });
});
