// The first code in the browser sandbox's Web Worker (one fresh worker per run, inside the
// null-origin frame of sandbox-frame.mjs). It takes the one request, removes every way out of the
// worker that user code could use (network, storage, messaging, nested workers, timers), runs the
// shared harness (engine/sandbox-harness.mjs: freezes the built-ins, copies the result out with
// its byte budget), and posts the outcome once. The frame's CSP (connect-src 'none') blocks the
// network even if a removal were missed; the removals keep user code from forging messages.
// Plain JavaScript: its source text is what runs (sent as a string inside the frame's document).

export function sandboxWorkerMain(harness, stripTypes) {
  'use strict';
  const G = globalThis;
  const post = G.postMessage.bind(G);
  const { getPrototypeOf, prototype: ObjectProto } = Object;
  const hasOwn = Object.hasOwn;
  const SyntaxErrorCtor = SyntaxError;
  const StringCtor = String;
  const WAYS_OUT = [
    'fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport', 'importScripts',
    'Worker', 'SharedWorker', 'BroadcastChannel', 'MessageChannel', 'MessagePort', 'postMessage', 'close',
    'indexedDB', 'caches', 'cookieStore', 'navigator', 'storageBucket', 'FileReaderSync', 'Request', 'Response',
    'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'queueMicrotask', 'requestAnimationFrame',
    'cancelAnimationFrame', 'scheduler', 'onmessage', 'onerror', 'addEventListener', 'removeEventListener', 'dispatchEvent',
  ];

  function remove(name) {
    for (let o = G; o !== null && o !== ObjectProto; o = getPrototypeOf(o)) {
      if (hasOwn(o, name)) delete o[name];
    }
    if (name in G) throw new Error(`the sandbox could not remove ${name}`);
  }

  G.onmessage = (event) => {
    G.onmessage = null;
    const { code: source, language, args, limits } = event.data;
    let run;
    try {
      for (const name of WAYS_OUT) remove(name);
      // Line 1 of the evaluated text is the 'use strict' wrapper: the harness takes it off line numbers.
      run = harness(limits, 1);
    } catch (error) {
      post({ type: 'result', ok: false, failure: 'crashed', message: `The browser sandbox could not be prepared: ${StringCtor(error && error.message)}`, logs: [] });
      return;
    }
    post({ type: 'started' });
    // TypeScript: types stripped here, inside the sandbox and its time limit (sucrase keeps lines).
    let code = source;
    if (language === 'typescript') {
      try {
        code = stripTypes(source);
      } catch (error) {
        // As on the server: sucrase's "(line:col)" often points where it gave up, not at the mistake.
        const message = StringCtor(error && error.message).slice(0, 2000).replace(/\s*\(\d+:\d+\)$/, '');
        post({ type: 'result', ok: false, failure: 'syntax_error', message: /^TypeScript cannot run here/.test(message) ? message : `TypeScript does not parse: ${message}`, logs: [] });
        return;
      }
    }
    let fn;
    try {
      // Strict, as on the server: a write to a frozen built-in fails loudly. sourceURL names the
      // code's frames code.js, which the harness reads line numbers from.
      fn = (0, eval)(`'use strict';(\n${code}\n)\n//# sourceURL=code.js`);
    } catch (error) {
      if (error instanceof SyntaxErrorCtor) {
        post({ type: 'result', ok: false, failure: 'syntax_error', message: `SyntaxError: ${StringCtor(error.message).slice(0, 2000)} (code.js)`, logs: [] });
        return;
      }
      // The code ran while being evaluated (an immediately called function) and threw.
      fn = () => {
        throw error;
      };
    }
    post({ type: 'result', ...run(fn, args) });
  };
}
