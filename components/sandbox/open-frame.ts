// The page's side of the browser code sandbox: frames the sandbox document with
// sandbox="allow-scripts" (no allow-same-origin: a null origin, so code there cannot read this
// app's cookies, storage or API) and hands it one end of a MessageChannel. Whoever holds the other
// end (the runner's Web Worker) talks to the frame directly; the page only sets it up. A new frame
// replaces the last one (after a crash the runner asks again).
import { SANDBOX_FRAME_PATH } from './frame-path';

const READY_MS = 15_000;
let current: HTMLIFrameElement | null = null;

export function openSandboxFrame(): Promise<MessagePort> {
  current?.remove();
  const frame = document.createElement('iframe');
  current = frame;
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.src = SANDBOX_FRAME_PATH;
  frame.title = 'Pipeworks code sandbox';
  // Out of sight but not display:none, which lets Chromium throttle a cross-origin frame's timers
  // (and the frame's timer is what stops a run at its time limit).
  frame.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;border:0;opacity:0;pointer-events:none';
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  frame.dataset.testid = 'code-sandbox-frame';
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      removeEventListener('message', onMessage);
    };
    const onMessage = (event: MessageEvent) => {
      // A null-origin frame's messages come from origin "null"; only this frame's window counts.
      if (event.source !== frame.contentWindow || event.origin !== 'null') return;
      if ((event.data as { type?: unknown } | null)?.type !== 'pipeworks-sandbox-ready') return;
      done();
      const channel = new MessageChannel();
      frame.contentWindow!.postMessage({ type: 'pipeworks-sandbox-connect' }, '*', [channel.port2]);
      resolve(channel.port1);
    };
    const timer = setTimeout(() => {
      done();
      frame.remove();
      reject(new Error(`The code sandbox (${SANDBOX_FRAME_PATH}) did not load within ${READY_MS / 1000} s`));
    }, READY_MS);
    addEventListener('message', onMessage);
    document.body.append(frame);
  });
}
