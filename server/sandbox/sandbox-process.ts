// One sandbox child process as the server sees it: forked with isolated-vm's flag, one request at
// a time, and a watchdog that kills it when user code outlives its wall-time limit by 100 ms (the
// isolate's own timeout should have fired first). A killed or crashed child is never reused.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { SandboxError, type CodeLanguage, type SandboxFailure, type SandboxLimits, type SandboxValue } from '../../engine/code-sandbox';

/** How far past its wall-time limit user code may run before its process is killed. */
export const KILL_GRACE_MS = 100;
/** Time for copying a finished result back, after the code itself has stopped. */
const TRANSFER_MS = 60_000;

export interface ChildReply {
  value: unknown;
  /** Top-level columns of the value left null: byte for byte the same-named column of args[0] (isolate-child.mjs). */
  unchanged: string[];
  logs: string[];
  cpuMs: number;
  wallMs: number;
}

type Message =
  | { type: 'ready' }
  | { type: 'started'; id: number }
  | { type: 'ran'; id: number }
  | ({ type: 'result'; id: number; logs: string[] } & (
      | { ok: true; value: SandboxValue; unchanged: string[]; cpuMs: number; wallMs: number }
      | { ok: false; failure: SandboxFailure; message: string; fatal?: boolean }
    ));

export class SandboxProcess {
  private readonly child: ChildProcess;
  private readonly ready: Promise<void>;
  private nextId = 1;
  private current: { id: number; onMessage(m: Message): void; onExit(): void } | null = null;
  /** False once the child was killed, crashed or hit a fatal limit: the pool starts a new one. */
  alive = true;

  constructor() {
    this.child = fork(path.join(/*turbopackIgnore: true*/ process.cwd(), 'server/sandbox/isolate-child.mjs'), [], {
      execArgv: ['--no-node-snapshot'],
      serialization: 'advanced',
      // The child needs no secrets: it gets an empty environment, and its output goes to our stderr.
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // Idle children never keep the server (or a CLI run) alive; a request in flight does.
    this.child.unref();
    this.ready = new Promise((resolve, reject) => {
      this.child.once('message', (m: Message) => (m.type === 'ready' ? resolve() : reject(new Error('sandbox did not start'))));
      this.child.once('exit', () => reject(new SandboxError('crashed', 'The sandbox process could not start')));
    });
    this.ready.then(
      () => this.current === null && this.child.channel?.unref(),
      () => (this.alive = false),
    );
    this.child.on('message', (m: Message) => this.current?.onMessage(m));
    this.child.on('exit', () => {
      this.alive = false;
      this.current?.onExit();
    });
  }

  /** Resolves once the child has loaded isolated-vm and waits for work. */
  started(): Promise<void> {
    return this.ready;
  }

  run(code: string, language: CodeLanguage, args: readonly SandboxValue[], limits: SandboxLimits, signal?: AbortSignal): Promise<ChildReply> {
    const id = this.nextId++;
    return new Promise<ChildReply>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const settle = (fn: () => void) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.current = null;
        this.child.channel?.unref();
        fn();
      };
      const kill = (failure: SandboxFailure, message: string) => {
        this.stop();
        settle(() => reject(new SandboxError(failure, message)));
      };
      const onAbort = () => kill('cancelled', 'Cancelled');
      signal?.addEventListener('abort', onAbort, { once: true });
      this.current = {
        id,
        onExit: () => settle(() => reject(new SandboxError('crashed', 'The sandbox process stopped unexpectedly; the code was not run to the end'))),
        onMessage: (m) => {
          if (!('id' in m) || m.id !== id) return;
          if (m.type === 'started') {
            timer = setTimeout(() => kill('timeout', `The code ran longer than its time limit of ${limits.wallMs} ms; its sandbox process was stopped`), limits.wallMs + KILL_GRACE_MS);
          } else if (m.type === 'ran') {
            clearTimeout(timer);
            timer = setTimeout(() => kill('crashed', 'The sandbox did not return its result in time'), TRANSFER_MS);
          } else if (m.type === 'result') {
            if (!m.ok && m.fatal) this.stop();
            settle(() =>
              m.ok ? resolve({ value: m.value, unchanged: m.unchanged, logs: m.logs, cpuMs: m.cpuMs, wallMs: m.wallMs }) : reject(new SandboxError(m.failure, m.message, m.logs)),
            );
          }
        },
      };
      if (signal?.aborted) return onAbort();
      this.child.channel?.ref();
      this.child.send({ type: 'run', id, code, language, args, limits });
    });
  }

  stop(): void {
    this.alive = false;
    this.child.kill('SIGKILL');
  }
}
