import { describe, expect, it, vi } from 'vitest';
import type { ExecuteEvent } from '../../engine/execute-types';
import { createEventSender } from './event-sender';

const started = (stepId: string): ExecuteEvent => ({ type: 'step_started', stepId, at: 1 });
const log = (message: string): ExecuteEvent => ({ type: 'step_log', stepId: 'a', level: 'info', message, at: 1 });

describe('createEventSender', () => {
  it('delivers every event once, in order, and resolves a step start only after delivery', async () => {
    const seen: ExecuteEvent[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const sender = createEventSender({
      report: async (events) => {
        seen.push(events);
        if (seen.length === 1) await gate;
        return { stop: false };
      },
      onStop: () => {},
      heartbeatMs: 60_000,
    });
    let delivered = false;
    const first = sender.send(started('a')).then(() => (delivered = true));
    void sender.send(log('one'));
    void sender.send(log('two'));
    const second = sender.send(started('b'));
    await Promise.resolve();
    expect(delivered).toBe(false);
    release();
    await Promise.all([first, second]);
    sender.close();
    expect(seen.flat().map((e) => ('message' in e ? e.message : e.type === 'step_started' ? e.stepId : ''))).toEqual(['a', 'one', 'two', 'b']);
  });

  it('retries a failed delivery and tells the runner when the server says stop', async () => {
    const report = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValue({ stop: true });
    const onStop = vi.fn();
    const sender = createEventSender({ report, onStop, retryDelaysMs: [1], heartbeatMs: 60_000 });
    await sender.send(started('a'));
    sender.close();
    expect(report).toHaveBeenCalledTimes(2);
    expect(onStop).toHaveBeenCalled();
  });

  it('fails every waiting event, and later sends, when the server refuses', async () => {
    const refusal = Object.assign(new Error('Run is no longer driven by this tab'), { data: { httpStatus: 400 } });
    const report = vi.fn().mockRejectedValue(refusal);
    const sender = createEventSender({ report, onStop: () => {}, retryDelaysMs: [1, 1], heartbeatMs: 60_000 });
    await expect(sender.send(started('a'))).rejects.toBe(refusal);
    await expect(sender.send(started('b'))).rejects.toBe(refusal);
    sender.close();
    expect(report).toHaveBeenCalledTimes(1);
  });

  it('sends an empty report as a heartbeat while idle', async () => {
    vi.useFakeTimers();
    const report = vi.fn().mockResolvedValue({ stop: false });
    const sender = createEventSender({ report, onStop: () => {}, heartbeatMs: 1000 });
    await vi.advanceTimersByTimeAsync(2500);
    sender.close();
    vi.useRealTimers();
    expect(report).toHaveBeenCalledWith([]);
    expect(report.mock.calls.length).toBe(2);
  });
});
