// The pages' Content Security Policy. Scripts run only with this response's nonce, or when a
// script that had it loads them ('strict-dynamic': Next's runtime adds its chunks that way), so
// an injected <script> or inline handler never runs. Next reads the nonce from the request's own
// Content-Security-Policy header (set in proxy.ts) and puts it on every script it renders.
// Runs in proxy.ts: Web APIs only.

/** 128 random bits, base64: unguessable and new for every page response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** What every response carries, pages or not: no framing, no plugins, no foreign form targets or base URLs. */
export const BASE_POLICY = ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"];

export function pagePolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval': onnxruntime-web and TF.js compile WebAssembly; it allows no JS eval.
    // Next's dev server evaluates modules with eval, so development alone adds 'unsafe-eval'.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'${development ? " 'unsafe-eval'" : ''}`,
    // Workers are not covered by nonces: the runner's Web Worker is a same-origin file; libraries
    // start theirs from blob: URLs.
    "worker-src 'self' blob:",
    // React Flow, recharts and the canvas position elements with style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    ...BASE_POLICY,
  ].join('; ');
}

/**
 * The browser code sandbox's frame (app/sandbox/frame): `sandbox allow-scripts` gives it a null
 * origin even if it is opened on its own; its one script runs by hash; 'unsafe-eval' lets its
 * Web Workers (blob:, which inherit this policy) evaluate user code, the one thing the frame is
 * for; no network at all (connect-src 'none'), no other frames, forms, images or plugins. Only the
 * app itself may frame it.
 */
export function sandboxFramePolicy(scriptHash: string): string {
  return [
    'sandbox allow-scripts',
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}' 'unsafe-eval'`,
    'worker-src blob:',
    "connect-src 'none'",
    "frame-ancestors 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
