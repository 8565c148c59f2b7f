// The browser code sandbox's frame document (components/sandbox/), assembled from the plain
// JavaScript files as they are on disk: the frame's script, with the Web Worker's script and the
// harness the server sandbox runs too (engine/sandbox-harness.mjs) inside it as a string. Read as
// text, never through a bundler or transpiler, so what runs in the browser is exactly those files.
// The route serving it (app/sandbox/frame) allows this one script by its hash.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sandboxFramePolicy } from '../http/csp';

const source = (file: string) => readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), file), 'utf8').replace(/^export /gm, '');

export interface SandboxFrame {
  html: string;
  policy: string;
  script: string;
}

export function sandboxFrame(): SandboxFrame {
  const worker = `(() => {\n${source('engine/sandbox-harness.mjs')}\n${source('components/sandbox/sandbox-worker.mjs')}\nsandboxWorkerMain(pipeworksHarness);\n})();`;
  // '<' escaped: the worker's source sits in an inline <script>, which a "</script>" would end.
  const script = `(() => {\n${source('components/sandbox/sandbox-frame.mjs')}\nsandboxFrameMain(${JSON.stringify(worker).replace(/</g, '\\u003c')});\n})();`;
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Pipeworks code sandbox</title></head><body><script>${script}</script></body></html>`;
  return { html, script, policy: sandboxFramePolicy(createHash('sha256').update(script).digest('base64')) };
}
