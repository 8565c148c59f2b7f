// The sandbox battery (issue 17): published escapes of vm2 and the usual ways out of a JavaScript
// sandbox, each run in the server sandbox (isolated-vm in a child process). For each case: no
// escape (the host's process, globals and prototypes are untouched), the host survives and runs
// the next case, and the failure comes back as a clear, typed error a code node can show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxError, type SandboxFailure } from '../../engine/code-sandbox';
import { serverSandbox } from '../../server/sandbox/server-sandbox';

const sandbox = serverSandbox();
const hostMarker = `escaped-${process.pid}`;
const limits = { wallMs: 1000, cpuMs: 1000, memoryMb: 64, outputBytes: 16 * 1024 * 1024 };

/** Runs code as a code node would; the result or the typed failure. */
async function attempt(code: string, args: unknown[] = [{ amount: new Float64Array([1, 2, 3]) }, []]) {
  const started = performance.now();
  try {
    const result = await sandbox.run({ code, args: args as never, limits });
    return { ok: true as const, value: result.value, logs: result.logs, ms: performance.now() - started };
  } catch (error) {
    if (!(error instanceof SandboxError)) throw error;
    return { ok: false as const, failure: error.failure, message: error.message, ms: performance.now() - started };
  }
}

function refused(outcome: Awaited<ReturnType<typeof attempt>>, failure: SandboxFailure | SandboxFailure[], text?: RegExp) {
  expect(outcome.ok, JSON.stringify(outcome)).toBe(false);
  if (outcome.ok) return;
  expect([failure].flat()).toContain(outcome.failure);
  expect(outcome.message.length).toBeGreaterThan(10);
  expect(outcome.message).not.toMatch(/\n\s+at /); // never a stack trace
  if (text) expect(outcome.message).toMatch(text);
}

beforeAll(async () => {
  (globalThis as Record<string, unknown>).__pipeworksHostMarker = hostMarker;
  await sandbox.warm();
});

afterAll(() => {
  // Nothing any case did reached this process.
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Array.prototype.map.toString()).toContain('[native code]');
  expect((globalThis as Record<string, unknown>).escaped).toBeUndefined();
  expect(process.env.PIPEWORKS_SANDBOX_ESCAPED).toBeUndefined();
});

describe('server sandbox: escapes', () => {
  it('this.constructor.constructor("return process")() finds no process', async () => {
    refused(await attempt(`() => this.constructor.constructor('return process')().env`), 'threw', /process is not defined/);
    refused(await attempt(`(cols) => cols.amount.constructor.constructor('return process')().exit(1)`), 'threw', /process is not defined/);
  });

  it('require, import() and module are not there', async () => {
    refused(await attempt(`() => require('fs').readFileSync('/etc/passwd', 'utf8')`), 'threw', /require is not defined/);
    const dynamic = await attempt(`() => { const p = import('node:fs'); return { kind: typeof p } }`);
    // isolated-vm has no module loader for scripts: import() fails to load or to compile.
    if (dynamic.ok) expect(dynamic.value).toEqual({ kind: 'object' });
    else expect(['threw', 'syntax_error']).toContain(dynamic.failure);
    refused(await attempt(`() => typeof module === 'undefined' && typeof globalThis.process === 'undefined' ? null.x : 1`), 'threw');
  });

  it('fetch, XMLHttpRequest, WebSocket and timers do not exist', async () => {
    const seen = await attempt(`() => ({ globals: ['fetch', 'XMLHttpRequest', 'WebSocket', 'setTimeout', 'setInterval', 'queueMicrotask', 'WebAssembly', 'SharedArrayBuffer', 'Atomics', 'process', 'require', 'Buffer'].filter((n) => typeof globalThis[n] !== 'undefined') })`);
    expect(seen).toMatchObject({ ok: true, value: { globals: [] } });
    refused(await attempt(`() => fetch('http://127.0.0.1:6379/')`), 'threw', /fetch is not defined/);
    refused(await attempt(`() => new XMLHttpRequest()`), 'threw', /XMLHttpRequest is not defined/);
  });

  it('CVE-2023-29017 (vm2): Error.prepareStackTrace reaching host CallSites', async () => {
    // The published PoC: a host-side error's stack preparation hands sandboxed code host objects.
    const poc = `() => {
      Error.prepareStackTrace = (e, frames) => {
        frames.constructor.constructor('return process')().mainModule.require('child_process').execSync('touch /tmp/pipeworks-pwned');
      };
      async function aa() { eval('1 = 2'); }
      aa();
      return { kind: 'done' };
    }`;
    // Strict mode, frozen built-ins: the assignment itself fails inside the sandbox.
    refused(await attempt(poc), 'threw', /read.only|Cannot assign|not extensible/i);
  });

  it('CVE-2023-30547 (vm2): handleException bypass through a Proxy thrown from a getter', async () => {
    const poc = `() => {
      const err = new Error();
      err.name = { toString: new Proxy(() => '', { apply(target, thiz, args) {
        const process = args.constructor.constructor('return process')();
        throw process.mainModule.require('child_process').execSync('touch /tmp/pipeworks-pwned');
      } }) };
      try { err.stack; } catch (stack) { stack.constructor.constructor('return process')(); }
      const host = new Proxy({}, { getPrototypeOf() { return this.constructor.constructor('return process')(); } });
      throw host;
    }`;
    refused(await attempt(poc), 'threw');
  });

  it('CVE-2023-32313 (vm2): inspect/Proxy tricks to reach the host Function', async () => {
    const poc = `() => {
      const { apply } = Reflect;
      const f = new Proxy(Function.prototype.call, { apply(target, thiz, args) { return args[0].constructor('return process')(); } });
      return { p: String(f(() => 1)) };
    }`;
    refused(await attempt(poc), 'threw', /process is not defined/);
  });

  it('Symbol-based tricks: Symbol.toPrimitive, Symbol.hasInstance and species on returned values', async () => {
    const toPrimitive = await attempt(`() => ({ n: { [Symbol.toPrimitive]() { globalThis.escaped = 1; return 1; } } })`);
    // A symbol-keyed property never leaves the isolate: the host gets an empty plain object, nothing to call.
    expect(toPrimitive).toMatchObject({ ok: true, value: { n: {} } });
    if (toPrimitive.ok) expect(Object.getOwnPropertySymbols((toPrimitive.value as { n: object }).n)).toEqual([]);
    refused(await attempt(`() => { Object.defineProperty(Symbol, 'hasInstance', { value: 1 }); }`), 'threw', /Cannot (redefine|define)|not extensible/);
    const species = await attempt(`(cols) => { class Evil extends Float64Array { static get [Symbol.species]() { return Object; } }; return { a: Evil.from(cols.amount) } }`);
    refused(species, 'invalid_output', /Float64Array/);
  });

  it('getters and proxies on the returned value run inside the sandbox only, and a bad one is a clear error', async () => {
    const getter = await attempt(`() => ({ get a() { return [1, 2] } })`);
    expect(getter).toMatchObject({ ok: true, value: { a: [1, 2] } });
    refused(await attempt(`() => new Proxy({}, { ownKeys() { throw new Error('trap ran') } })`), 'threw', /trap ran/);
    refused(await attempt(`() => ({ f: () => 1 })`), 'invalid_output', /function cannot be returned.*result\.f/);
    refused(await attempt(`() => ({ d: new Date() })`), 'invalid_output', /plain objects/);
    refused(await attempt(`() => ({ s: Symbol('x') })`), 'invalid_output', /symbol/);
  });

  it('prototype pollution of shared objects: built-ins are frozen inside, and the host is a different heap', async () => {
    refused(await attempt(`() => { Object.prototype.polluted = 1; return {} }`), 'threw', /not extensible|Cannot add property/);
    refused(await attempt(`() => { Array.prototype.map = () => 'x'; }`), 'threw', /read.only/);
    refused(await attempt(`(cols) => { cols.amount.__proto__.__proto__.polluted = 1 }`), 'threw');
    const proto = await attempt(`() => JSON.parse('{"__proto__": {"polluted": 1}}')`);
    expect(proto.ok).toBe(true);
    // Each run gets a fresh isolate: nothing one run leaves behind is seen by the next.
    await attempt(`() => { globalThis.leftBehind = 42; return 1 }`);
    expect(await attempt(`() => typeof globalThis.leftBehind`)).toMatchObject({ ok: true, value: 'undefined' });
  });

  it('throwing values that are not Errors gives a clear message', async () => {
    refused(await attempt(`() => { throw 'plain string' }`), 'threw', /threw a string.*plain string/);
    refused(await attempt(`() => { throw null }`), 'threw', /threw null/);
    refused(await attempt(`() => { throw Symbol('s') }`), 'threw', /threw a symbol/);
    refused(await attempt(`() => { throw { [Symbol.toPrimitive]() { while (true) {} } } }`), 'threw', /not an Error/);
    refused(await attempt(`() => { throw new Proxy({}, { getPrototypeOf() { throw 1 } }) }`), 'threw', /not an Error/);
    refused(await attempt(`() => { const e = new Error('x'); Object.defineProperty(e, 'message', { get() { throw 2 } }); throw e }`), 'threw');
  });
});

describe('server sandbox: limits', () => {
  it('an infinite loop is stopped within its limit plus 100 ms, and the sandbox serves the next run', async () => {
    const loop = await attempt(`() => { while (true) {} }`);
    refused(loop, ['timeout', 'cpu_limit'], /limit of 1000 ms/);
    expect(loop.ms).toBeLessThan(limits.wallMs + 100 + 400); // plus the request's own round trip on a loaded machine
    expect(await attempt(`() => ({ ok: 1 })`)).toMatchObject({ ok: true, value: { ok: 1 } });
  });

  it('a loop hidden in a getter of the result, or in a toString while throwing, is stopped too', async () => {
    refused(await attempt(`() => ({ get a() { for (;;) {} } })`), ['timeout', 'cpu_limit']);
    refused(await attempt(`() => { const e = new Error('x'); Object.defineProperty(e, 'name', { get() { for (;;) {} } }); throw e }`), ['timeout', 'cpu_limit']);
  });

  it('a memory bomb hits the heap limit, and the next run gets a fresh sandbox', async () => {
    refused(await attempt(`() => { const a = []; for (;;) a.push(new Array(100000).fill(1.5)); }`), 'memory_limit', /memory limit of 64 MB/);
    // ArrayBuffers count against the same limit: the allocation fails (or the isolate is stopped).
    refused(await attempt(`() => { const a = []; for (;;) a.push(new Float64Array(1e6)); }`), ['memory_limit', 'threw'], /memory limit|allocation failed/i);
    refused(await attempt(`() => 'x'.repeat(2 ** 29) + 'y'.repeat(2 ** 29)`), ['threw', 'memory_limit']);
    expect(await attempt(`() => 2`)).toMatchObject({ ok: true, value: 2 });
  });

  it('a 1 GB output is refused inside the sandbox before it is copied', async () => {
    // One short string repeated: small in the sandbox's heap, a gigabyte once copied out.
    refused(await attempt(`() => ({ big: new Array(1_000_000).fill('x'.repeat(500)) })`), 'output_too_large', /output limit/);
    refused(await attempt(`() => { const a = new Float64Array(4e6); return { a, b: a, c: a, d: a } }`), 'output_too_large');
  });

  it('syntax errors and non-functions say so', async () => {
    refused(await attempt(`(cols) => {`), 'syntax_error', /code\.js/);
    refused(await attempt(`42`), 'not_a_function', /function expression/);
    refused(await attempt(`async () => 1`), 'invalid_output', /Promise/);
  });

  it('a cancelled run stops its sandbox process at once', async () => {
    const controller = new AbortController();
    const pending = sandbox.run({ code: '() => { for (;;) {} }', args: [], limits: { ...limits, wallMs: 60_000, cpuMs: 60_000 } }, controller.signal);
    setTimeout(() => controller.abort(), 200);
    await expect(pending).rejects.toMatchObject({ failure: 'cancelled' });
    expect(await attempt(`() => 3`)).toMatchObject({ ok: true, value: 3 });
  });
});
