// The browser sandbox's frame document script: served by app/sandbox/frame/route.ts, framed by
// the app with sandbox="allow-scripts" (a null origin: no cookies, no storage, no API session),
// under its own CSP (no network, no scripts but this one and its blob: workers). It takes one
// MessagePort from its parent and serves run requests on it, each in a fresh Web Worker that it
// terminates when the wall-time limit is up: an infinite loop cannot outlive its limit. It never
// runs user code itself, and treats what its workers post as untrusted data it only forwards.
// Plain JavaScript: its source text is what runs.

export function sandboxFrameMain(workerSource) {
  'use strict';
  const workerUrl = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  const START_MS = 10_000;
  const runs = new Map();
  let port = null;

  addEventListener('message', (event) => {
    if (event.source !== parent || port !== null || !event.data || event.data.type !== 'pipeworks-sandbox-connect' || !event.ports[0]) return;
    port = event.ports[0];
    port.onmessage = (m) => onRequest(m.data);
  });

  function onRequest(request) {
    if (!request || typeof request !== 'object') return;
    if (request.type === 'cancel') runs.get(request.id)?.({ ok: false, failure: 'cancelled', message: 'Cancelled' });
    // The host asks while a run is in flight: silence means this frame's process died (a worker
    // past the browser's heap limit takes it down). Answered from a message, never a timer, so
    // timer throttling in a background tab cannot make a live frame look dead.
    else if (request.type === 'ping') {
      if (runs.has(request.id)) port.postMessage({ id: request.id, type: 'alive' });
    }
    else if (request.type === 'run') start(request);
  }

  function start({ id, code, language, args, limits }) {
    port.postMessage({ id, type: 'accepted' });
    const worker = new Worker(workerUrl, { name: 'pipeworks-code-sandbox' });
    let state = 'starting';
    let startedAt = 0;
    let timer = 0;
    const stop = (body) => {
      if (state === 'done') return;
      state = 'done';
      clearTimeout(timer);
      worker.terminate();
      runs.delete(id);
      port.postMessage({ id, type: 'result', wallMs: startedAt ? performance.now() - startedAt : 0, ...body });
    };
    runs.set(id, stop);
    timer = setTimeout(() => stop({ ok: false, failure: 'crashed', message: `The browser sandbox's worker did not start within ${START_MS / 1000} s` }), START_MS);
    worker.onmessage = (event) => {
      const m = event.data;
      if (!m || typeof m !== 'object') return;
      if (m.type === 'started' && state === 'starting') {
        state = 'running';
        startedAt = performance.now();
        clearTimeout(timer);
        timer = setTimeout(() => stop({ ok: false, failure: 'timeout', message: `The code ran longer than its time limit of ${limits.wallMs} ms; its worker was stopped` }), limits.wallMs);
        port.postMessage({ id, type: 'started' });
      } else if (m.type === 'result' && state !== 'done') {
        stop({ ok: m.ok === true, value: m.value, failure: m.failure, message: m.message, logs: m.logs });
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      stop({ ok: false, failure: 'crashed', message: `The browser sandbox's worker failed: ${String(event.message).slice(0, 500)}` });
    };
    worker.onmessageerror = () => stop({ ok: false, failure: 'invalid_output', message: 'The result could not be copied out of the browser sandbox' });
    worker.postMessage({ code, language, args, limits });
  }

  parent.postMessage({ type: 'pipeworks-sandbox-ready' }, '*');
}
