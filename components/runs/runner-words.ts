// Where a step ran, or waits to run, in words: one reading of the runner names the server stores
// (server/runners/run-manager.ts, server/queue/step-job.ts) for the run view, the inspector and
// lineage. In queue mode a step is "server:queue" from when the server queues it until a worker
// takes it, then "queue:<worker id>": the first is not a place it ran.

/** The runner of a step the server queued and no worker has taken (yet). */
const QUEUED = 'server:queue';
const QUEUE_WORKER = 'queue:';

const WAITING_STATES: ReadonlySet<string> = new Set(['queued', 'running']);

/**
 * Where a finished step ran: "the server", "a browser · webgpu", "queue worker host:1:ab", "the
 * headless browser of queue worker host:1:ab · wasm" (a step placed in a browser that a worker with
 * `--browser` took).
 */
export function runnerPhrase(runner: string, backend?: string | null, placement?: string | null): string {
  const where =
    runner === QUEUED
      ? 'a queue worker'
      : runner.startsWith(QUEUE_WORKER)
        ? `${placement === 'browser' ? 'the headless browser of ' : ''}queue worker ${runner.slice(QUEUE_WORKER.length)}`
        : runner.startsWith('browser')
          ? 'a browser'
          : runner.startsWith('server')
            ? 'the server'
            : runner;
  return backend ? `${where} · ${backend}` : where;
}

/** A step's line in the run view: where it ran, runs, or that it waits for a queue worker; null when it ran nowhere (cached). */
export function stepWhere(runner: string | null, status: string, backend?: string | null, placement?: string | null): string | null {
  if (!runner || status === 'cached') return null;
  const live = WAITING_STATES.has(status);
  if (runner === QUEUED) return live ? `waiting for a queue worker${placement === 'browser' ? ' with a headless browser' : ''}` : status === 'succeeded' ? `ran on ${runnerPhrase(runner, backend)}` : 'no queue worker took it';
  const inBrowser = placement === 'browser' && runner.startsWith(QUEUE_WORKER);
  return `${live ? (inBrowser ? 'running in' : 'running on') : inBrowser ? 'ran in' : 'ran on'} ${runnerPhrase(runner, backend, placement)}`;
}

/**
 * The word on a step's status badge. A step the server queued for a worker is stored as running
 * (its runner tells that no worker took it yet), yet nothing runs it: its badge says "waiting".
 */
export function stepStatusWord(status: string, runner: string | null | undefined): string {
  return status === 'running' && runner === QUEUED ? 'waiting' : status;
}

/** The inspector's "Ran on" value. */
export function runnerWords(runner: string, status: string, placement?: string | null): string {
  if (runner === QUEUED) return WAITING_STATES.has(status) ? 'Waiting for a queue worker' : 'Queue worker';
  if (runner.startsWith(QUEUE_WORKER)) return `Queue worker ${runner.slice(QUEUE_WORKER.length)}${placement === 'browser' ? ', in its headless browser' : ''}`;
  if (runner.startsWith('browser')) return 'Browser (Web Worker)';
  if (runner.startsWith('server')) return 'Server';
  return runner;
}
