// The server's CodeSandbox: a small pool of long-lived sandbox processes (isolated-vm, one fresh
// isolate per request), started on first use. Held on globalThis so Next's module reloading
// never starts a second pool; each worker thread that runs code nodes has its own.
import { SandboxError, sandboxLimits, type CodeSandbox, type SandboxRequest, type SandboxResult, type SandboxValue } from '../../engine/code-sandbox';
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
      const value = withUnchangedColumns(reply.value, reply.unchanged, request.args[0]);
      return { value: checkPlainValue(value), logs: reply.logs.map(String), cpuMs: reply.cpuMs, wallMs: reply.wallMs };
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

/**
 * Puts back the returned columns the child sent as names only because they are byte for byte the
 * input column of the same name: this process still holds that column (the child got a copy).
 */
export function withUnchangedColumns(value: unknown, unchanged: readonly string[], cols: SandboxValue | undefined): unknown {
  if (unchanged.length === 0) return value;
  const fits = (name: string) =>
    typeof value === 'object' && value !== null && Object.hasOwn(value, name) && (value as Record<string, unknown>)[name] === null &&
    typeof cols === 'object' && cols !== null && Object.hasOwn(cols, name) && (cols as Record<string, unknown>)[name] instanceof Float64Array;
  for (const name of unchanged) {
    if (!fits(name)) throw new SandboxError('crashed', `The sandbox process answered with an unchanged column "${name}" that is not an input column`);
    Object.defineProperty(value, name, { value: (cols as Record<string, SandboxValue>)[name], enumerable: true, writable: true, configurable: true });
  }
  return value;
}

const key = Symbol.for('pipeworks.sandboxPool');
const holder = globalThis as unknown as { [key]?: SandboxPool };

/** The process-wide (per thread) server sandbox; PIPEWORKS_SANDBOX_PROCESSES sets its size (default 1). */
export function serverSandbox(): CodeSandbox & { warm(): Promise<void> } {
  return (holder[key] ??= new SandboxPool(getEnv().PIPEWORKS_SANDBOX_PROCESSES));
}
