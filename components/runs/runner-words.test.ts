import { describe, expect, it } from 'vitest';
import { runnerPhrase, runnerWords, stepWhere } from './runner-words';

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
