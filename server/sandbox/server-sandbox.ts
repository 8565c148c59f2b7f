// The server's CodeSandbox: a small pool of long-lived sandbox processes (isolated-vm, one fresh
// isolate per request), started on first use. Held on globalThis so Next's module reloading
// never starts a second pool; each worker thread that runs code nodes has its own.
import { sandboxLimits, type CodeSandbox, type SandboxRequest, type SandboxResult } from '../../engine/code-sandbox';
import { getEnv } from '../env';
import { checkPlainValue } from '../../engine/sandbox-plain-value';
import { SandboxProcess } from './sandbox-process';

class SandboxPool implements CodeSandbox {
  readonly description = 'isolated-vm in a sandbox child process';
  private readonly idle: SandboxProcess[] = [];
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  /** Starts the pool's processes now (a bench excludes process start); otherwise the first run does. */
  async warm(): Promise<void> {
    while (this.idle.length < this.size - this.running) this.idle.push(new SandboxProcess());
    await Promise.all(this.idle.map((p) => p.started()));
  }

  async run(request: SandboxRequest, signal?: AbortSignal): Promise<SandboxResult> {
    const limits = sandboxLimits(request.limits);
    await this.slot();
    let proc: SandboxProcess | undefined;
    try {
      proc = this.take();
      await proc.started();
      const reply = await proc.run(request.code, request.language ?? 'javascript', request.args, limits, signal);
      return { value: checkPlainValue(reply.value), logs: reply.logs.map(String), cpuMs: reply.cpuMs, wallMs: reply.wallMs };
    } finally {
      if (proc?.alive) this.idle.push(proc);
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private take(): SandboxProcess {
    while (this.idle.length > 0) {
      const proc = this.idle.pop()!;
      if (proc.alive) return proc;
    }
    return new SandboxProcess();
  }

  private async slot(): Promise<void> {
    while (this.running >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
  }
}

const key = Symbol.for('pipeworks.sandboxPool');
const holder = globalThis as unknown as { [key]?: SandboxPool };

/** The process-wide (per thread) server sandbox; PIPEWORKS_SANDBOX_PROCESSES sets its size (default 1). */
export function serverSandbox(): CodeSandbox & { warm(): Promise<void> } {
  return (holder[key] ??= new SandboxPool(getEnv().PIPEWORKS_SANDBOX_PROCESSES));
}
