// The browser's CodeSandbox, used by the runner's Web Worker (or any script holding a port to a
// sandbox frame, see open-frame.ts): sends each request to the frame, which runs it in a fresh
// Web Worker. Limits as on the server where a browser can enforce them: wall time (the frame
// terminates the worker; CPU time is bounded by it, as one worker thread cannot use more CPU than
// wall time), output size (counted in the worker and again here) and console output. A browser
// cannot cap a worker's heap: a memory bomb is stopped by its wall time, or by the browser's own
// heap limit, which takes the frame's process down (not the app's: Chromium runs a sandboxed
// frame out of process); the watchdog here then reports it and the next run gets a new frame.
import { SANDBOX_FAILURES, SandboxError, sandboxLimits, type CodeSandbox, type SandboxFailure, type SandboxRequest, type SandboxResult } from '../../engine/code-sandbox';
import { checkPlainValue, plainValueBytes } from '../../engine/sandbox-plain-value';

/** How long a frame may take to take a request, then to start a worker for it. */
const ACCEPT_MS = 5_000;
const START_MS = 20_000;
/** While code runs the host asks the frame every PING_MS; SILENCE_MS without an answer means it died. */
const PING_MS = 1_000;
const SILENCE_MS = 5_000;

type Reply =
  | { id: number; type: 'accepted' | 'started' | 'alive' }
  | { id: number; type: 'result'; ok: boolean; value?: unknown; failure?: unknown; message?: unknown; logs?: unknown; wallMs?: unknown };

export class BrowserSandbox implements CodeSandbox {
  readonly description = 'a Web Worker in a sandboxed null-origin frame with no network (a browser cannot cap its memory)';
  private port: Promise<MessagePort> | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: Reply) => void>();

  /** `connect` opens a new sandbox frame and returns a port to it. */
  constructor(private readonly connect: () => Promise<MessagePort>) {}

  async run(request: SandboxRequest, signal?: AbortSignal): Promise<SandboxResult> {
    const limits = sandboxLimits(request.limits);
    // CPU time cannot be read in a browser; one thread's CPU time never exceeds its wall time.
    const wallMs = Math.min(limits.wallMs, limits.cpuMs);
    if (signal?.aborted) throw new SandboxError('cancelled', 'Cancelled');
    const portPromise = this.connection();
    let port: MessagePort;
    try {
      port = await portPromise;
    } catch (error) {
      this.drop(portPromise);
      throw new SandboxError('crashed', `The browser code sandbox could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
    const id = this.nextId++;
    return new Promise<SandboxResult>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout>;
      let ping: ReturnType<typeof setInterval> | undefined;
      const settle = (fn: () => void) => {
        clearTimeout(timer);
        clearInterval(ping);
        this.waiting.delete(id);
        signal?.removeEventListener('abort', onAbort);
        fn();
      };
      const fail = (failure: SandboxFailure, message: string, logs: string[] = []) => settle(() => reject(new SandboxError(failure, message, logs)));
      const onAbort = () => {
        port.postMessage({ type: 'cancel', id });
        fail('cancelled', 'Cancelled');
      };
      /** The frame is gone (or never came): the next run opens a new one. */
      const frameDied = (failure: SandboxFailure, message: string) => {
        this.drop(portPromise);
        fail(failure, message);
      };
      const arm = (ms: number, failure: SandboxFailure, message: string) => {
        clearTimeout(timer);
        timer = setTimeout(() => frameDied(failure, message), ms);
      };
      // Its process was taken down while the code ran: by far the likeliest cause is memory.
      const outOfMemory = `The browser's code sandbox stopped while the code ran, most likely out of memory: a browser cannot hold a worker to a memory limit (${limits.memoryMb} MB here), so the code ran until the browser's own limit stopped it. Use less memory, or run this step on the server`;
      signal?.addEventListener('abort', onAbort, { once: true });
      arm(ACCEPT_MS, 'crashed', `The browser code sandbox did not answer within ${ACCEPT_MS / 1000} s`);
      this.waiting.set(id, (reply) => {
        if (reply.type === 'accepted') return arm(START_MS, 'crashed', `The browser code sandbox did not start the code within ${START_MS / 1000} s`);
        if (reply.type === 'started') ping = setInterval(() => port.postMessage({ type: 'ping', id }), PING_MS);
        if (reply.type === 'started' || reply.type === 'alive') return arm(SILENCE_MS, 'memory_limit', outOfMemory);
        if (reply.type !== 'result') return;
        const logs = Array.isArray(reply.logs) ? reply.logs.map(String) : [];
        if (!reply.ok) {
          const failure = SANDBOX_FAILURES.includes(reply.failure as SandboxFailure) ? (reply.failure as SandboxFailure) : 'crashed';
          // A worker stopped mid-run may leave its frame's process short of memory: start afresh.
          if (failure === 'timeout' || failure === 'crashed') this.drop(portPromise);
          return fail(failure, typeof reply.message === 'string' ? reply.message : 'The browser code sandbox failed', logs);
        }
        try {
          const value = checkPlainValue(reply.value);
          if (plainValueBytes(value) > limits.outputBytes) throw new SandboxError('output_too_large', `The returned value is larger than the output limit of ${limits.outputBytes} bytes`);
          const ms = typeof reply.wallMs === 'number' ? reply.wallMs : 0;
          settle(() => resolve({ value, logs, cpuMs: ms, wallMs: ms }));
        } catch (error) {
          if (!(error instanceof SandboxError)) throw error;
          fail(error.failure, error.message, logs);
        }
      });
      port.postMessage({ type: 'run', id, code: request.code, language: request.language ?? 'javascript', args: request.args, limits: { ...limits, wallMs, cpuMs: wallMs } });
    });
  }

  private connection(): Promise<MessagePort> {
    if (this.port) return this.port;
    const opened = this.connect().then((port) => {
      port.onmessage = (event: MessageEvent<Reply>) => {
        const reply = event.data;
        if (reply && typeof reply === 'object' && typeof reply.id === 'number') this.waiting.get(reply.id)?.(reply);
      };
      return port;
    });
    this.port = opened;
    return opened;
  }

  /** Forget a frame that died or never started; runs still waiting on it fail by their own timers. */
  private drop(port: Promise<MessagePort>): void {
    if (this.port === port) this.port = null;
    void port.then((p) => p.close()).catch(() => undefined);
  }
}
