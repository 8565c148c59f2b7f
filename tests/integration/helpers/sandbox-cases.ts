// The sandbox battery of issue 17 as data: each case runs against the server sandbox
// (tests/integration/sandbox-security.test.ts) and the browser sandbox in the real app page
// (tests/e2e/browser-sandbox.spec.ts), in this order. A case states what a safe sandbox answers;
// where the two sandboxes differ in how they fail (not in whether they are escaped), it says so
// per sandbox. Plain data and browser-safe code only: the e2e spec bundles this file into the page.
import type { CodeLanguage, SandboxFailure, SandboxLimits } from '../../../engine/code-sandbox';

export type SandboxKind = 'server' | 'browser';

export type Expectation =
  | { ok: true; value: unknown }
  | { failure: SandboxFailure | SandboxFailure[]; text?: RegExp };

export interface SandboxCase {
  name: string;
  code: string;
  /** JavaScript when left out; TypeScript has its types stripped inside each sandbox. */
  language?: CodeLanguage;
  /** JSON arguments; `{ f64: [...] }` becomes a Float64Array (see reviveArgs). */
  args?: unknown[];
  limits?: Partial<SandboxLimits>;
  expect: Expectation;
  /** Where one sandbox fails differently (still without an escape). */
  server?: Expectation;
  browser?: Expectation;
  /** The run must end within this many ms of being asked (the limit plus 100 ms, plus the round trip). */
  maxMs?: number;
}

export type Outcome =
  | { ok: true; value: unknown; logs: string[]; ms: number }
  | { ok: false; failure: SandboxFailure; message: string; ms: number };

export const BATTERY_LIMITS: Partial<SandboxLimits> = { wallMs: 1000, cpuMs: 1000, memoryMb: 64, outputBytes: 16 * 1024 * 1024 };
const DEFAULT_ARGS = [{ amount: { f64: [1, 2, 3] } }, []];
/** Round trip on a loaded machine (the server's IPC, or the page → frame → worker messages). */
const ROUND_TRIP_MS = 400;

const threw = (text?: RegExp): Expectation => ({ failure: 'threw', text });
const refused = (failure: SandboxFailure | SandboxFailure[], text?: RegExp): Expectation => ({ failure, text });
const ok = (value: unknown): Expectation => ({ ok: true, value });

export const SANDBOX_CASES: SandboxCase[] = [
  // Escapes: the host's objects are not there to be reached.
  { name: 'this.constructor.constructor("return process")()', code: `() => this.constructor.constructor('return process')().env`, expect: threw(/process is not defined/) },
  { name: 'a column\'s constructor.constructor("return process")()', code: `(cols) => cols.amount.constructor.constructor('return process')().exit(1)`, expect: threw(/process is not defined/) },
  { name: 'require', code: `() => require('fs').readFileSync('/etc/passwd', 'utf8')`, expect: threw(/require is not defined/) },
  // import() compiles to a promise that rejects later (no loader; in the browser the frame's CSP
  // allows no script URL): nothing is loaded into the run, whose result is read at once.
  { name: 'import()', code: `() => { const p = import('node:fs'); return { kind: typeof p } }`, expect: ok({ kind: 'object' }), server: refused(['threw', 'syntax_error']) },
  { name: 'import() of the app\'s own API', code: `() => import('/api/health')`, expect: refused('invalid_output', /Promise/), server: refused(['threw', 'syntax_error', 'invalid_output']) },
  { name: 'module and process', code: `() => typeof module === 'undefined' && typeof globalThis.process === 'undefined' ? null.x : 1`, expect: threw() },
  {
    name: 'no network, storage, messaging, timer or host global',
    code: `() => ({ globals: ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'indexedDB', 'caches', 'postMessage', 'Worker', 'SharedWorker', 'BroadcastChannel', 'navigator', 'document', 'window', 'setTimeout', 'setInterval', 'queueMicrotask', 'WebAssembly', 'SharedArrayBuffer', 'Atomics', 'process', 'require', 'Buffer'].filter((n) => typeof globalThis[n] !== 'undefined') })`,
    expect: ok({ globals: [] }),
  },
  {
    name: 'no way out left on the global\'s prototypes',
    code: `() => { const found = []; for (let o = globalThis; o; o = Object.getPrototypeOf(o)) for (const n of ['postMessage', 'fetch', 'importScripts', 'close', 'XMLHttpRequest', 'indexedDB']) if (Object.getOwnPropertyNames(o).includes(n)) found.push(n); return found }`,
    expect: ok([]),
  },
  { name: 'fetch', code: `() => fetch('/api/health')`, expect: threw(/fetch is not defined/) },
  { name: 'XMLHttpRequest', code: `() => { const x = new XMLHttpRequest(); x.open('GET', '/api/health', false); x.send(); return x.responseText }`, expect: threw(/XMLHttpRequest is not defined/) },
  {
    name: 'CVE-2023-29017 (vm2): Error.prepareStackTrace',
    code: `() => {
      Error.prepareStackTrace = (e, frames) => {
        frames.constructor.constructor('return process')().mainModule.require('child_process').execSync('touch /tmp/pipeworks-pwned');
      };
      async function aa() { eval('1 = 2'); }
      aa();
      return { kind: 'done' };
    }`,
    expect: threw(/read.only|Cannot assign|not extensible/i),
  },
  {
    name: 'CVE-2023-30547 (vm2): a Proxy thrown through handleException',
    code: `() => {
      const err = new Error();
      err.name = { toString: new Proxy(() => '', { apply(target, thiz, args) {
        const process = args.constructor.constructor('return process')();
        throw process.mainModule.require('child_process').execSync('touch /tmp/pipeworks-pwned');
      } }) };
      try { err.stack; } catch (stack) { stack.constructor.constructor('return process')(); }
      const host = new Proxy({}, { getPrototypeOf() { return this.constructor.constructor('return process')(); } });
      throw host;
    }`,
    expect: threw(),
  },
  {
    name: 'CVE-2023-32313 (vm2): a Proxy over Function.prototype.call',
    code: `() => {
      const f = new Proxy(Function.prototype.call, { apply(target, thiz, args) { return args[0].constructor('return process')(); } });
      return { p: String(f(() => 1)) };
    }`,
    expect: threw(/process is not defined/),
  },
  // Symbol tricks: a symbol-keyed property never leaves the sandbox, so the host has nothing to call.
  { name: 'Symbol.toPrimitive on a returned value', code: `() => ({ n: { [Symbol.toPrimitive]() { globalThis.escaped = 1; return 1; } } })`, expect: ok({ n: {} }) },
  { name: 'Symbol.hasInstance redefined', code: `() => { Object.defineProperty(Symbol, 'hasInstance', { value: 1 }); }`, expect: threw(/Cannot (redefine|define)|not extensible/) },
  { name: 'Symbol.species on a returned typed array', code: `(cols) => { class Evil extends Float64Array { static get [Symbol.species]() { return Object; } }; return { a: Evil.from(cols.amount) } }`, expect: refused('invalid_output', /Float64Array/) },
  { name: 'a getter on the result runs inside', code: `() => ({ get a() { return [1, 2] } })`, expect: ok({ a: [1, 2] }) },
  { name: 'a Proxy result whose trap throws', code: `() => new Proxy({}, { ownKeys() { throw new Error('trap ran') } })`, expect: threw(/trap ran/) },
  { name: 'a function in the result', code: `() => ({ f: () => 1 })`, expect: refused('invalid_output', /function cannot be returned.*result\.f/) },
  { name: 'a Date in the result', code: `() => ({ d: new Date() })`, expect: refused('invalid_output', /plain objects/) },
  { name: 'a Symbol in the result', code: `() => ({ s: Symbol('x') })`, expect: refused('invalid_output', /symbol/) },
  // Prototype pollution of shared objects: built-ins are frozen inside, and the host is another heap.
  { name: 'Object.prototype polluted', code: `() => { Object.prototype.polluted = 1; return {} }`, expect: threw(/not extensible|Cannot add property/) },
  { name: 'Array.prototype.map replaced', code: `() => { Array.prototype.map = () => 'x'; }`, expect: threw(/read.only/) },
  { name: 'an input column\'s prototype chain polluted', code: `(cols) => { cols.amount.__proto__.__proto__.polluted = 1 }`, expect: threw() },
  { name: 'JSON.parse with __proto__', code: `() => JSON.parse('{"__proto__": {"polluted": 1}}')`, expect: ok({ ['__proto__']: { polluted: 1 } }) },
  { name: 'a global left behind (the global is frozen)', code: `() => { globalThis.leftBehind = 42; return 1 }`, expect: threw(/not extensible|Cannot add property/) },
  { name: 'the next run starts clean', code: `() => typeof globalThis.leftBehind`, expect: ok('undefined') },
  // Throwing values that are not Errors.
  { name: 'throw a string', code: `() => { throw 'plain string' }`, expect: threw(/threw a string.*plain string/) },
  { name: 'throw null', code: `() => { throw null }`, expect: threw(/threw null/) },
  { name: 'throw a Symbol', code: `() => { throw Symbol('s') }`, expect: threw(/threw a symbol/) },
  { name: 'throw an object whose toPrimitive never ends', code: `() => { throw { [Symbol.toPrimitive]() { while (true) {} } } }`, expect: threw(/not an Error/) },
  { name: 'throw a Proxy whose getPrototypeOf throws', code: `() => { throw new Proxy({}, { getPrototypeOf() { throw 1 } }) }`, expect: threw(/not an Error/) },
  { name: 'throw an Error whose message getter throws', code: `() => { const e = new Error('x'); Object.defineProperty(e, 'message', { get() { throw 2 } }); throw e }`, expect: threw() },
  // Limits.
  { name: 'an infinite loop', code: `() => { while (true) {} }`, expect: refused(['timeout', 'cpu_limit'], /limit of 1000 ms/), maxMs: 1000 + 100 + ROUND_TRIP_MS },
  { name: 'the sandbox serves the next run', code: `() => ({ ok: 1 })`, expect: ok({ ok: 1 }) },
  { name: 'a loop in a getter of the result', code: `() => ({ get a() { for (;;) {} } })`, expect: refused(['timeout', 'cpu_limit']) },
  { name: 'a loop in an Error\'s name while it is described', code: `() => { const e = new Error('x'); Object.defineProperty(e, 'name', { get() { for (;;) {} } }); throw e }`, expect: refused(['timeout', 'cpu_limit']) },
  // Whichever limit comes first (a loaded machine allocates slowly); a case below gives it 30 s.
  // A browser cannot cap a worker's heap: there the wall time stops a bomb within its limit.
  { name: 'a memory bomb of arrays', code: `() => { const a = []; for (;;) a.push(new Array(100000).fill(1.5)); }`, expect: refused(['memory_limit', 'timeout', 'cpu_limit'], /memory limit of 64 MB|time limit of 1000 ms/) },
  { name: 'a memory bomb of ArrayBuffers', code: `() => { const a = []; for (;;) a.push(new Float64Array(1e6)); }`, expect: refused(['memory_limit', 'threw', 'timeout'], /memory limit|allocation failed|time limit/i) },
  { name: 'a string past the engine\'s maximum', code: `() => 'x'.repeat(2 ** 29) + 'y'.repeat(2 ** 29)`, expect: refused(['threw', 'memory_limit']) },
  {
    // Given 30 s, the bomb reaches the heap limit: the server's isolate limit (64 MB), or in the
    // browser Chromium's own worker heap limit (gigabytes), which takes down the sandbox frame's
    // process, never the app's page. The next run gets a fresh sandbox either way.
    name: 'a memory bomb with time to reach the heap limit',
    code: `() => { const a = []; for (;;) a.push(new Array(1e7).fill(1.5)); }`,
    limits: { wallMs: 30_000, cpuMs: 30_000 },
    expect: refused('memory_limit', /memory/),
    // Chromium kills the frame's process at its heap limit (the host hears the silence); on a busy
    // machine the 30 s can run out first. Either way the app's page lives on.
    browser: refused(['memory_limit', 'timeout'], /out of memory|time limit of 30000 ms/),
  },
  { name: 'the next run after a memory bomb', code: `() => 2`, expect: ok(2) },
  { name: 'a 1 GB output', code: `() => ({ big: new Array(1_000_000).fill('x'.repeat(500)) })`, expect: refused('output_too_large', /output limit/) },
  { name: 'one typed array returned four times', code: `() => { const a = new Float64Array(4e6); return { a, b: a, c: a, d: a } }`, expect: refused('output_too_large') },
  { name: 'a syntax error', code: `(cols) => {`, expect: refused('syntax_error', /code\.js/) },
  { name: 'not a function', code: `42`, expect: refused('not_a_function', /function expression/) },
  { name: 'an async function', code: `async () => 1`, expect: refused('invalid_output', /Promise/) },
  { name: 'a thrown Error says where', code: `(cols) =>\n  cols.amount.nope.x`, expect: threw(/TypeError.*\(line 2, column \d+\)/) },
  { name: 'TypeScript: types stripped inside the sandbox, lines kept', language: 'typescript', code: `(cols: Record<string, Float64Array>): { n: number } =>\n  ({ n: cols.amount.length as number })`, expect: ok({ n: 3 }) },
  { name: 'TypeScript that does not parse', language: 'typescript', code: `(cols: Record<string, Float64Array> => cols`, expect: refused('syntax_error') },
  { name: 'TypeScript: a thrown Error says where', language: 'typescript', code: `(cols: Record<string, Float64Array>) =>\n  (cols.nope as any).x`, expect: threw(/TypeError.*\(line 2, column \d+\)/) },
  { name: 'a column transform', code: `(cols) => ({ ...cols, amount_log: cols.amount.map(Math.log1p) })`, expect: ok({ amount: { f64: [1, 2, 3] }, amount_log: { f64: [Math.log1p(1), Math.log1p(2), Math.log1p(3)] } }) },
];

/** Turns `{ f64: [...] }` into Float64Array, at any depth. */
export function reviveArgs(value: unknown = DEFAULT_ARGS): unknown {
  if (Array.isArray(value)) return value.map(reviveArgs);
  if (value && typeof value === 'object') {
    const f64 = (value as { f64?: unknown }).f64;
    if (Array.isArray(f64) && Object.keys(value).length === 1) return Float64Array.from(f64 as number[]);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reviveArgs(v)]));
  }
  return value;
}

/** The opposite of reviveArgs, for comparing (and for carrying a result out of the page as JSON). */
export function plainForm(value: unknown): unknown {
  if (value instanceof Float64Array) return { f64: Array.from(value) };
  if (Array.isArray(value)) return value.map(plainForm);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) Object.defineProperty(out, key, { value: plainForm((value as Record<string, unknown>)[key]), enumerable: true });
    return out;
  }
  return value;
}

/** What is wrong with an outcome, as sentences; empty when the case passed. */
export function caseProblems(c: SandboxCase, kind: SandboxKind, outcome: Outcome): string[] {
  const want = c[kind] ?? c.expect;
  const problems: string[] = [];
  const seen = JSON.stringify(outcome.ok ? { ok: true, value: plainForm(outcome.value) } : outcome);
  if ('ok' in want) {
    if (!outcome.ok) problems.push(`expected a result, got ${seen}`);
    else if (JSON.stringify(plainForm(outcome.value)) !== JSON.stringify(want.value)) problems.push(`expected ${JSON.stringify(want.value)}, got ${seen}`);
  } else if (outcome.ok) {
    problems.push(`expected a ${[want.failure].flat().join(' or ')} failure, got ${seen}`);
  } else {
    if (![want.failure].flat().includes(outcome.failure)) problems.push(`expected a ${[want.failure].flat().join(' or ')} failure, got ${seen}`);
    if (outcome.message.length <= 10) problems.push(`the message is not clear: ${seen}`);
    if (/\n\s+at /.test(outcome.message)) problems.push(`the message carries a stack trace: ${seen}`);
    if (want.text && !want.text.test(outcome.message)) problems.push(`the message does not match ${want.text}: ${seen}`);
  }
  if (c.maxMs !== undefined && outcome.ms > c.maxMs) problems.push(`took ${Math.round(outcome.ms)} ms, more than ${c.maxMs} ms`);
  return problems;
}
