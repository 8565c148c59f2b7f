// The host side of the browser sandbox against a stand-in frame on a real MessageChannel: what the
// frame says is checked again here, since the frame only forwards what its worker posted.
import { describe, expect, it } from 'vitest';
import { BrowserSandbox } from './browser-sandbox';

/** A frame that answers every run with `reply` (after accepting and starting it). */
function fakeFrame(reply: Record<string, unknown>) {
  const channel = new MessageChannel();
  const asked: unknown[] = [];
  channel.port2.onmessage = (event) => {
    const request = event.data as { type: string; id: number; limits: unknown };
    asked.push(request);
    if (request.type !== 'run') return;
    channel.port2.postMessage({ id: request.id, type: 'accepted' });
    channel.port2.postMessage({ id: request.id, type: 'started' });
    channel.port2.postMessage({ id: request.id, type: 'result', ...reply });
  };
  return { sandbox: new BrowserSandbox(async () => channel.port1), asked, close: () => channel.port1.close() };
}

describe('BrowserSandbox', () => {
  it('returns plain data and sends the clamped limits, CPU time bounded by wall time', async () => {
    const frame = fakeFrame({ ok: true, value: { a: new Float64Array([1, 2]) }, logs: ['hi'], wallMs: 3 });
    const result = await frame.sandbox.run({ code: '(c) => c', args: [], limits: { wallMs: 2000, cpuMs: 500, memoryMb: 99_999 } });
    expect(result).toMatchObject({ value: { a: new Float64Array([1, 2]) }, logs: ['hi'], wallMs: 3 });
    expect(frame.asked[0]).toMatchObject({ type: 'run', language: 'javascript', limits: { wallMs: 500, cpuMs: 500, memoryMb: 2048 } });
    frame.close();
  });

  it('counts the output again: a result over the limit is refused even if the frame let it through', async () => {
    const frame = fakeFrame({ ok: true, value: { big: 'x'.repeat(1000) }, logs: [] });
    await expect(frame.sandbox.run({ code: '() => 1', args: [], limits: { outputBytes: 100 } })).rejects.toMatchObject({ failure: 'output_too_large' });
    frame.close();
  });

  it('refuses what is not plain data, and a failure name it does not know becomes crashed', async () => {
    const dated = fakeFrame({ ok: true, value: { d: new Date(0) }, logs: [] });
    await expect(dated.sandbox.run({ code: '() => 1', args: [] })).rejects.toMatchObject({ failure: 'invalid_output' });
    dated.close();
    const odd = fakeFrame({ ok: false, failure: 'pwned', message: 'made up by the worker', logs: [] });
    await expect(odd.sandbox.run({ code: '() => 1', args: [] })).rejects.toMatchObject({ failure: 'crashed', message: 'made up by the worker' });
    odd.close();
  });
});
