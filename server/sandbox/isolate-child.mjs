// A sandbox process: runs user code in a fresh isolated-vm isolate per request, one at a time,
// under the request's limits on wall time, CPU time and heap. It is a child of the server, not
// the server itself: if an isolate ever takes this process down (or hangs it), the parent kills
// and replaces it and the web server carries on. Plain JavaScript, no tsx, so it starts quickly.
// isolated-vm needs `--no-node-snapshot` on Node 20+, which the parent passes when it forks.
import ivm from 'isolated-vm';
import { harnessSource } from '../../engine/sandbox-harness.mjs';

// A parent that went away leaves nothing to answer: exit quietly rather than throw on a closed channel.
const PREFIX = "'use strict';(";

const send = (message) => {
  if (process.connected) process.send(message);
};

/** TypeScript loses its types here, in the child, so a parser fed hostile text never runs in the server. */
async function javascriptOf(code, language) {
  if (language !== 'typescript') return { code };
  let stripTypes;
  try {
    // Loaded on the first TypeScript request: JavaScript-only sandboxes start without sucrase.
    ({ stripTypes } = await import('../../nodes/code/strip-types.mjs'));
  } catch (error) {
    return { error: `TypeScript cannot run here: its transpiler did not load (${plainMessage(error)}); run npm install` };
  }
  try {
    return { code: stripTypes(code) };
  } catch (error) {
    // sucrase's "(line:col)" often points where it gave up backtracking, not at the mistake: left
    // out, so the editor marks nothing wrong; its own parse marks syntax errors as they are typed.
    const message = plainMessage(error).replace(/\s*\(\d+:\d+\)$/, '');
    return { error: `TypeScript does not parse: ${message}` };
  }
}

/**
 * A fresh isolate with its harness installed, made while this process waits for work, so a
 * request does not wait for isolate start-up (tens of ms, more on a busy machine). Still one
 * isolate per request: a prepared one is used by the next request only, and only when that
 * request's limits are the ones it was made with; no user code has run in it before.
 */
let prepared = null;

function prepare(limits) {
  const isolate = new ivm.Isolate({ memoryLimit: limits.memoryMb });
  const ready = (async () => {
    const context = await isolate.createContext();
    const run = await (await isolate.compileScript(harnessSource(limits))).run(context, { reference: true, timeout: 5_000 });
    return { context, run };
  })();
  // Awaited by the request that takes it; a failure surfaces there, not as an unhandled rejection.
  ready.catch(() => {});
  return { key: JSON.stringify(limits), isolate, ready };
}

function take(limits) {
  const ahead = prepared;
  prepared = null;
  if (ahead !== null && ahead.key === JSON.stringify(limits) && !ahead.isolate.isDisposed) return ahead;
  if (ahead !== null && !ahead.isolate.isDisposed) ahead.isolate.dispose();
  return prepare(limits);
}

async function runOne({ id, code: source, language, args, limits }) {
  const stripped = await javascriptOf(source, language);
  if (stripped.error) return { id, ok: false, failure: 'syntax_error', message: stripped.error, logs: [] };
  const code = stripped.code;
  const { isolate, ready } = take(limits);
  let overCpu = false;
  let started = 0;
  const watch = setInterval(() => {
    if (!isolate.isDisposed && Number(isolate.cpuTime) / 1e6 > limits.cpuMs) {
      overCpu = true;
      isolate.dispose();
    }
  }, 5);
  try {
    const { context, run } = await ready;
    let script;
    try {
      // Strict mode, so a write to a frozen built-in fails loudly; the prefix is taken off columns.
      script = await isolate.compileScript(`${PREFIX}${code}\n)`, { filename: 'code.js', columnOffset: -PREFIX.length });
    } catch (error) {
      return { id, ok: false, failure: 'syntax_error', message: plainMessage(error), logs: [] };
    }
    const input = new ivm.ExternalCopy(args);
    started = performance.now();
    send({ type: 'started', id });
    const fn = await script.run(context, { reference: true, timeout: limits.wallMs });
    const left = Math.max(1, Math.round(limits.wallMs - (performance.now() - started)));
    const out = await run.apply(undefined, [fn.derefInto(), input.copyInto({ release: true })], { timeout: left, result: { copy: true } });
    const cpuMs = Number(isolate.cpuTime) / 1e6;
    const wallMs = performance.now() - started;
    return out.ok
      ? { id, ok: true, value: out.value, unchanged: unchangedColumns(args, out.value), logs: out.logs, cpuMs, wallMs }
      : { id, ok: false, failure: out.failure, message: out.message, logs: out.logs };
  } catch (error) {
    return { id, ok: false, ...limitFailure(error, limits, overCpu, isolate), logs: [] };
  } finally {
    clearInterval(watch);
    if (!isolate.isDisposed) isolate.dispose();
  }
}

const isPlainObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
const bytesOf = (a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/**
 * The returned top-level columns that are, byte for byte, the input column of the same name
 * (`{ ...cols, x }` returns every input column as it came): they go back to the server as names
 * only (null in the value), and the server puts its own copy of that input column back, so a
 * million-row column is not serialised, piped and parsed again. Compared by content, never by
 * identity, so a column the code changed in place is sent like any other. The isolate has already
 * checked and counted the whole result against the output limit.
 */
function unchangedColumns(args, value) {
  const cols = args[0];
  if (!isPlainObject(cols) || !isPlainObject(value)) return [];
  const names = [];
  for (const name of Object.keys(value)) {
    const out = value[name];
    const input = Object.hasOwn(cols, name) ? cols[name] : undefined;
    if (!(out instanceof Float64Array) || !(input instanceof Float64Array) || out.length !== input.length) continue;
    if (Buffer.compare(bytesOf(out), bytesOf(input)) !== 0) continue;
    Object.defineProperty(value, name, { value: null, enumerable: true, writable: true, configurable: true });
    names.push(name);
  }
  return names;
}

/** What stopped the isolate, said the way the person who wrote the code needs to hear it. */
function limitFailure(error, limits, overCpu, isolate) {
  const message = plainMessage(error);
  if (overCpu) return { failure: 'cpu_limit', message: `The code used more than its CPU time limit of ${limits.cpuMs} ms and was stopped` };
  if (/timed out/i.test(message)) return { failure: 'timeout', message: `The code ran longer than its time limit of ${limits.wallMs} ms and was stopped` };
  if (/memory limit/i.test(message) || isolate.isDisposed) {
    return { failure: 'memory_limit', message: `The code used more than its memory limit of ${limits.memoryMb} MB and was stopped`, fatal: true };
  }
  // Left over from the code itself, e.g. a promise it let reject (import() is one: there is no loader).
  return { failure: 'threw', message: `The code failed: ${message}` };
}

/** Errors here are made by isolated-vm in this process; only their message (a string) is read. */
function plainMessage(error) {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 2000);
}

process.on('message', (message) => {
  if (message?.type !== 'run') return;
  void runOne(message).then((reply) => {
    send({ type: 'ran', id: message.id });
    send({ type: 'result', ...reply });
    // The next request most likely has the same limits (a node's own, or the defaults).
    prepared ??= prepare(message.limits);
  });
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
