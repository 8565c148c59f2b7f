// The browser code sandbox's frame document (components/sandbox/), assembled from the plain
// JavaScript files as they are on disk: the frame's script, with the Web Worker's script and the
// harness the server sandbox runs too (engine/sandbox-harness.mjs) inside it as a string. Read as
// text, never through a bundler or transpiler, so what runs in the browser is exactly those files.
// The route serving it (app/sandbox/frame) allows this one script by its hash. TypeScript's
// type stripping (nodes/code/strip-types.mjs, sucrase) is bundled in with esbuild, once, so the
// worker strips types inside the sandbox, as the server's sandbox child does.
import { build } from 'esbuild';
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

/**
 * strip-types.mjs and sucrase as one script defining `stripTypesModule`. Where sucrase is missing
 * (node_modules older than the package list), JavaScript still runs and TypeScript says why not.
 */
async function stripTypesBundle(): Promise<string> {
  let out;
  try {
    out = await bundleStripTypes();
  } catch (error) {
    const why = `TypeScript cannot run here: its transpiler did not load (${(error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 300)}); run npm install`;
    return `var stripTypesModule = { stripTypes() { throw new Error(${JSON.stringify(why)}); } };`;
  }
  return out.outputFiles[0].text;
}

function bundleStripTypes() {
  return build({
    entryPoints: [path.join(/*turbopackIgnore: true*/ process.cwd(), 'nodes/code/strip-types.mjs')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'stripTypesModule',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
  });
}

export async function sandboxFrame(): Promise<SandboxFrame> {
  const worker = `(() => {\n${await stripTypesBundle()}\n${source('engine/sandbox-harness.mjs')}\n${source('components/sandbox/sandbox-worker.mjs')}\nsandboxWorkerMain(pipeworksHarness, stripTypesModule.stripTypes);\n})();`;
  // '<' escaped: the worker's source sits in an inline <script>, which a "</script>" would end.
  const script = `(() => {\n${source('components/sandbox/sandbox-frame.mjs')}\nsandboxFrameMain(${JSON.stringify(worker).replace(/</g, '\\u003c')});\n})();`;
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Pipeworks code sandbox</title></head><body><script>${script}</script></body></html>`;
  return { html, script, policy: sandboxFramePolicy(createHash('sha256').update(script).digest('base64')) };
}
