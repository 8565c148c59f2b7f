import { describe, expect, it } from 'vitest';
import { runnerPhrase, runnerWords, stepStatusWord, stepWhere } from './runner-words';

describe('stepWhere', () => {
  it('says a step queued for a worker waits, rather than that it ran on the server', () => {
    expect(stepWhere('server:queue', 'running')).toBe('waiting for a queue worker');
    expect(stepWhere('server:queue', 'queued')).toBe('waiting for a queue worker');
    expect(stepWhere('server:queue', 'cancelled')).toBe('no queue worker took it');
  });

  it('names the queue worker that took a step, while it runs and after', () => {
    expect(stepWhere('queue:gpu-box:4242:a1b2c3', 'running')).toBe('running on queue worker gpu-box:4242:a1b2c3');
    expect(stepWhere('queue:gpu-box:4242:a1b2c3', 'succeeded', 'cpu')).toBe('ran on queue worker gpu-box:4242:a1b2c3 · cpu');
  });

  it("says a step placed in a browser ran in a queue worker's headless browser, and waits for one", () => {
    expect(stepWhere('server:queue', 'running', null, 'browser')).toBe('waiting for a queue worker with a headless browser');
    expect(stepWhere('queue:gpu-box:4242:a1b2c3', 'running', null, 'browser')).toBe('running in the headless browser of queue worker gpu-box:4242:a1b2c3');
    expect(stepWhere('queue:gpu-box:4242:a1b2c3', 'succeeded', 'webgpu', 'browser')).toBe('ran in the headless browser of queue worker gpu-box:4242:a1b2c3 · webgpu');
    expect(stepWhere('queue:gpu-box:4242:a1b2c3', 'succeeded', 'wasm', 'server')).toBe('ran on queue worker gpu-box:4242:a1b2c3 · wasm');
    expect(stepWhere('browser:tab', 'succeeded', 'webgpu', 'browser')).toBe('ran on a browser · webgpu');
    expect(runnerWords('queue:w1', 'succeeded', 'browser')).toBe('Queue worker w1, in its headless browser');
  });

  it('keeps the server and browser wording, and says nothing for a cached step or none', () => {
    expect(stepWhere('server:worker-thread', 'succeeded', 'wasm')).toBe('ran on the server · wasm');
    expect(stepWhere('browser:tab', 'failed')).toBe('ran on a browser');
    expect(stepWhere('server:worker-thread', 'cached')).toBeNull();
    expect(stepWhere(null, 'queued')).toBeNull();
  });
});

describe('runnerPhrase and runnerWords', () => {
  it('word a queue step as a queue worker, never as the server', () => {
    expect(runnerPhrase('server:queue')).toBe('a queue worker');
    expect(runnerPhrase('queue:w1')).toBe('queue worker w1');
    expect(runnerWords('server:queue', 'running')).toBe('Waiting for a queue worker');
    expect(runnerWords('queue:w1', 'succeeded')).toBe('Queue worker w1');
    expect(runnerWords('server:worker-thread', 'succeeded')).toBe('Server');
    expect(runnerWords('browser:tab', 'succeeded')).toBe('Browser (Web Worker)');
  });
});

describe('stepStatusWord', () => {
  it('says a step queued for a worker that none took yet is waiting, not running', () => {
    expect(stepStatusWord('running', 'server:queue')).toBe('waiting');
  });

  it('says running once a queue worker took it, or on the server or in a browser', () => {
    expect(stepStatusWord('running', 'queue:gpu-box:4242:a1b2c3')).toBe('running');
    expect(stepStatusWord('running', 'server:worker-thread')).toBe('running');
    expect(stepStatusWord('running', 'browser:web-worker')).toBe('running');
    expect(stepStatusWord('running', null)).toBe('running');
  });

  it('keeps every other state as it is stored, whatever the runner', () => {
    for (const status of ['queued', 'succeeded', 'failed', 'cancelled', 'cached', 'interrupted']) expect(stepStatusWord(status, 'server:queue')).toBe(status);
  });
});
