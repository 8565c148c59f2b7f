import { describe, expect, it } from 'vitest';
import { childController, whenAborted } from './abort';

describe('childController', () => {
  it('aborts with its parent, carrying the reason', () => {
    const parent = new AbortController();
    const child = childController(parent.signal);
    parent.abort('stop');
    expect(child.signal.aborted).toBe(true);
    expect(child.signal.reason).toBe('stop');
  });

  it('starts aborted under an aborted parent', () => {
    expect(childController(AbortSignal.abort()).signal.aborted).toBe(true);
  });

  it('can abort alone without touching the parent', () => {
    const parent = new AbortController();
    const child = childController(parent.signal);
    child.abort();
    expect(child.signal.aborted).toBe(true);
    expect(parent.signal.aborted).toBe(false);
  });

  it('no longer follows the parent once disposed', () => {
    const parent = new AbortController();
    const child = childController(parent.signal);
    child.dispose();
    parent.abort();
    expect(child.signal.aborted).toBe(false);
  });
});

describe('whenAborted', () => {
  it('resolves on abort, and at once for an aborted signal', async () => {
    const controller = new AbortController();
    let done = false;
    const waiting = whenAborted(controller.signal).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    controller.abort();
    await waiting;
    expect(done).toBe(true);
    await whenAborted(AbortSignal.abort());
  });
});
