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

async function runOne({ id, code: source, language, args, limits }) {
  const stripped = await javascriptOf(source, language);
  if (stripped.error) return { id, ok: false, failure: 'syntax_error', message: stripped.error, logs: [] };
  const code = stripped.code;
  const isolate = new ivm.Isolate({ memoryLimit: limits.memoryMb });
  let overCpu = false;
  let started = 0;
  const watch = setInterval(() => {
    if (!isolate.isDisposed && Number(isolate.cpuTime) / 1e6 > limits.cpuMs) {
      overCpu = true;
      isolate.dispose();
    }
  }, 5);
  try {
    const context = await isolate.createContext();
    const run = await (await isolate.compileScript(harnessSource(limits))).run(context, { reference: true, timeout: 5_000 });
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
      ? { id, ok: true, value: out.value, logs: out.logs, cpuMs, wallMs }
      : { id, ok: false, failure: out.failure, message: out.message, logs: out.logs };
  } catch (error) {
    return { id, ok: false, ...limitFailure(error, limits, overCpu, isolate), logs: [] };
  } finally {
    clearInterval(watch);
    if (!isolate.isDisposed) isolate.dispose();
  }
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
  });
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
