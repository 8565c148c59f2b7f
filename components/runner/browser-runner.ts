'use client';
// The page's side of the browser runner: one Web Worker per tab, started on the first browser run.
// It keeps the runs this tab drives, tells the server at once when the tab goes away (so the run
// is marked interrupted, not left "running"), and lets React read each run's local trouble.
import superjson from 'superjson';
import { openSandboxFrame } from '../sandbox/open-frame';
import { trainingOrder } from './browser-offer';
import type { BrowserRunTicket, FromWorker, ToWorker } from './runner-protocol';

export interface LocalRunState {
  /** Why this tab stopped driving the run, when it did not end normally. */
  failure?: string;
}

type Listener = () => void;

class BrowserRunner {
  private worker: Worker | null = null;
  private readonly runs = new Map<string, { token: string; state: LocalRunState }>();
  private readonly listeners = new Set<Listener>();
  private cacheNote: string | undefined;
  private leaving = false;
  private heartbeat: ReturnType<typeof setInterval> | undefined;

  start(ticket: BrowserRunTicket): void {
    this.runs.set(ticket.runId, { token: ticket.token, state: {} });
    this.emit();
    const worker = this.ensureWorker();
    // The WebGPU probe answered already (the run's start sent its offer); only its adapter keys the speeds.
    void trainingOrder().then(({ backends, note }) => {
      const message: ToWorker = { type: 'start', origin: location.origin, backends, ...(note && { backendChoice: note }), ...ticket };
      worker.postMessage(message);
    });
  }

  cancel(runId: string): void {
    if (this.runs.has(runId)) this.worker?.postMessage({ type: 'cancel', runId } satisfies ToWorker);
  }

  state(runId: string): LocalRunState | undefined {
    return this.runs.get(runId)?.state;
  }

  /** Why artifacts are kept only in memory (private mode, no IndexedDB), if so. */
  storageNote(): string | undefined {
    return this.cacheNote;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    for (const l of this.listeners) l();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./runner.worker.ts', import.meta.url), { type: 'module', name: 'pipeworks-runner' });
    worker.onmessage = (e: MessageEvent<FromWorker>) => this.onMessage(e.data);
    worker.onerror = (e) => {
      // The worker itself broke (failed to load, out of memory): every run it drove stops here.
      for (const [runId, run] of this.runs) this.runs.set(runId, { ...run, state: { failure: `The browser runner stopped: ${e.message || 'unknown error'}` } });
      this.worker = null;
      this.emit();
    };
    addEventListener('pagehide', () => this.leave());
    // The page says the tab is alive, whatever the worker is doing (compiling shaders can take it
    // away for many seconds); the server marks a run interrupted only when both fall silent.
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.worker = worker;
    return worker;
  }

  private beat(): void {
    for (const [runId, { token, state }] of this.runs) {
      if (state.failure) continue;
      void post('runner.heartbeat', { runId, token })
        .then(async (res) => {
          if (!res.ok) return;
          const body = (await res.json()) as { result?: { data?: { json?: { stop?: boolean } } } };
          if (body.result?.data?.json?.stop) this.cancel(runId);
        })
        .catch(() => undefined);
    }
  }

  private onMessage(message: FromWorker): void {
    if (message.type === 'sandbox') {
      openSandboxFrame().then(
        (port) => this.worker?.postMessage({ type: 'sandbox', port } satisfies ToWorker, [port]),
        (error: Error) => this.worker?.postMessage({ type: 'sandbox-failed', message: error.message } satisfies ToWorker),
      );
      return;
    }
    if (message.type === 'cache') {
      this.cacheNote = message.persistent ? undefined : `Artifacts are kept in memory only: ${message.note ?? 'IndexedDB is not available'}`;
    } else if (message.type === 'finished') {
      this.runs.delete(message.runId);
    } else {
      const run = this.runs.get(message.runId);
      if (run) run.state = { failure: message.message };
    }
    this.emit();
  }

  /** The tab is going away: tell the server now, with a request that outlives the page. */
  private leave(): void {
    if (this.leaving) return;
    this.leaving = true;
    for (const [runId, { token, state }] of this.runs) {
      if (state.failure) continue;
      void post('runner.leave', { runId, token }).catch(() => undefined);
    }
    clearInterval(this.heartbeat);
  }
}

const HEARTBEAT_MS = 5000;

/** A tRPC mutation as a plain request that outlives the page when it is leaving (keepalive). */
function post(path: string, input: unknown): Promise<Response> {
  return fetch(`/api/trpc/${path}`, {
    method: 'POST',
    keepalive: true,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(superjson.serialize(input)),
  });
}

let runner: BrowserRunner | undefined;

export function browserRunner(): BrowserRunner {
  runner ??= new BrowserRunner();
  return runner;
}
